import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors/app-error";
import { invitationIdSchema } from "../schemas";

/** Withdraws a pending invitation; its seat is freed at once. */
export const cancelInvitation = defineAction({
  name: "members.cancelInvitation",
  input: invitationIdSchema,
  access: { member: "users.manage" },
  audit: "member.invitation_cancelled",
  async handler({ input, tx }) {
    const invitation = await tx.invitation.findFirst({
      where: { id: input.invitationId },
      select: { id: true, status: true, phone: true },
    });
    if (!invitation) throw notFound();
    // Conditional, so a concurrent acceptance wins or loses cleanly.
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, status: "PENDING" },
      data: { status: "CANCELLED", cancelledAt: now() },
    });
    if (count !== 1) throw new AppError("conflict", "invitation_not_pending");
    return {
      data: { invitationId: invitation.id },
      audit: { targetType: "invitation", targetId: invitation.id },
    };
  },
});
