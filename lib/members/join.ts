import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/errors/app-error";

/**
 * Turns a pending, unexpired invitation sent to `phone` into an active membership of `personId`
 * and makes it the session's cabinet. The invitation is found only by its id together with the
 * invitee's own phone, so nobody can accept an invitation meant for another number.
 */
export async function joinByInvitation(
  tx: Prisma.TransactionClient,
  input: { invitationId: string; phone: string; personId: string; sessionId: string; at: Date },
) {
  const invitation = await tx.invitation.findFirst({
    where: {
      id: input.invitationId,
      phone: input.phone,
      status: "PENDING",
      expiresAt: { gt: input.at },
      partner: { status: { in: ["DEMO", "ACTIVE"] } },
    },
  });
  if (!invitation) throw notFound();
  const { partnerId } = invitation;

  const claimed = await tx.invitation.updateMany({
    where: { id: invitation.id, partnerId, status: "PENDING" },
    data: { status: "ACCEPTED", acceptedAt: input.at },
  });
  if (claimed.count !== 1) throw notFound();

  const grant = {
    role: invitation.role,
    rights: (invitation.rights ?? {}) as Prisma.InputJsonValue,
    documentCategories: invitation.documentCategories,
    position: invitation.position,
  };
  const existing = await tx.membership.findFirst({
    where: { partnerId, personId: input.personId },
    select: { id: true, status: true },
  });
  if (existing?.status === "ACTIVE") throw new AppError("conflict", "already_member_here");
  const membership = existing
    ? await tx.membership.update({
        where: { id: existing.id },
        data: { ...grant, status: "ACTIVE" },
        select: { id: true },
      })
    : await tx.membership.create({ data: { partnerId, personId: input.personId, ...grant }, select: { id: true } });

  await tx.session.update({
    where: { id: input.sessionId },
    data: { personId: input.personId, activePartnerId: partnerId, activePlace: "CABINET" },
  });
  return {
    partnerId,
    membershipId: membership.id,
    audit: {
      partnerId,
      actorRole: invitation.role,
      targetType: "membership",
      targetId: membership.id,
      details: {
        invitationId: invitation.id,
        role: invitation.role,
        rights: grant.rights,
        documentCategories: grant.documentCategories,
      },
    },
  };
}
