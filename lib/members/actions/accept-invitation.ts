import { defineAction } from "@/lib/actions/define-action";
import type { Prisma } from "@/lib/generated/prisma/client";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors/app-error";
import { invitationIdSchema } from "../schemas";

/**
 * The invitee joins the cabinet they were invited to and switches into it. They are not a member
 * of that Partner yet, so the transaction is not Partner-scoped: the invitation is found only by
 * its id together with the invitee's own phone, pending and unexpired.
 */
export const acceptInvitation = defineAction({
  name: "members.acceptInvitation",
  input: invitationIdSchema,
  right: "self",
  audit: "member.invitation_accepted",
  async handler({ input, tx, actor }) {
    const at = now();
    const invitation = await tx.invitation.findFirst({
      where: { id: input.invitationId, phone: actor.phone, status: "PENDING", expiresAt: { gt: at }, partner: { status: { in: ["DEMO", "ACTIVE"] } } },
    });
    if (!invitation) throw notFound();
    const { partnerId } = invitation;

    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, partnerId, status: "PENDING" }, data: { status: "ACCEPTED", acceptedAt: at } });
    if (claimed.count !== 1) throw notFound();

    const grant = { role: invitation.role, rights: (invitation.rights ?? {}) as Prisma.InputJsonValue, documentCategories: invitation.documentCategories, position: invitation.position };
    const existing = await tx.membership.findFirst({ where: { partnerId, personId: actor.personId }, select: { id: true, status: true } });
    if (existing?.status === "ACTIVE") throw new AppError("conflict", "already_member_here");
    const membership = existing
      ? await tx.membership.update({ where: { id: existing.id }, data: { ...grant, status: "ACTIVE" }, select: { id: true } })
      : await tx.membership.create({ data: { partnerId, personId: actor.personId, ...grant }, select: { id: true } });

    await tx.session.update({ where: { id: actor.sessionId }, data: { activePartnerId: partnerId } });
    return {
      data: { partnerId, membershipId: membership.id },
      audit: {
        partnerId,
        actorRole: invitation.role,
        targetType: "membership",
        targetId: membership.id,
        details: { invitationId: invitation.id, role: invitation.role, rights: grant.rights, documentCategories: grant.documentCategories },
      },
    };
  },
});
