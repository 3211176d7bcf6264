import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors/app-error";
import { membershipIdSchema } from "../schemas";

/**
 * Takes a person out of the cabinet (TEN-2). Their sessions acting in this Partner end in the same
 * transaction, so their very next request is logged out; sessions in their other cabinets live on.
 */
export const revokeMember = defineAction({
  name: "members.revoke",
  input: membershipIdSchema,
  access: { member: "users.manage" },
  audit: "member.revoked",
  async handler({ input, tx, actor }) {
    const member = await tx.membership.findFirst({
      where: { id: input.membershipId },
      select: { id: true, personId: true, role: true, status: true },
    });
    if (!member) throw notFound();
    if (member.role === "PRIMARY") throw new AppError("forbidden", "primary_user_protected");
    if (member.status !== "ACTIVE") throw new AppError("conflict", "member_not_active");

    const at = now();
    await tx.membership.update({ where: { id: member.id }, data: { status: "REVOKED" } });
    const sessions = await tx.session.updateMany({
      where: { personId: member.personId, activePartnerId: actor.partnerId, revokedAt: null },
      data: { revokedAt: at, revokeReason: "membership_revoked" },
    });
    return {
      data: { membershipId: member.id, sessionsEnded: sessions.count },
      audit: {
        targetType: "membership",
        targetId: member.id,
        details: { personId: member.personId, role: member.role, sessionsEnded: sessions.count },
      },
    };
  },
});
