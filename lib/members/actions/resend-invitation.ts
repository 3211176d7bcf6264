import { defineAction } from "@/lib/actions/define-action";
import { secondsUntil } from "@/lib/auth/rate-limit";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors/app-error";
import { sendInvitationSms } from "../invitation-sms";
import { invitationIdSchema } from "../schemas";
import { INVITATION_RESEND_AFTER_MS, INVITATION_TTL_MS, assertSeatAvailable } from "../seats";

/** Sends a pending invitation again, at most once a minute, and gives it another 7 days. */
export const resendInvitation = defineAction({
  name: "members.resendInvitation",
  input: invitationIdSchema,
  access: { member: "users.manage" },
  audit: "member.invitation_resent",
  async handler({ input, tx, ctx }) {
    const invitation = await tx.invitation.findFirst({ where: { id: input.invitationId } });
    if (!invitation) throw notFound();
    if (invitation.status !== "PENDING") throw new AppError("conflict", "invitation_not_pending");
    const at = now();
    const nextAllowed = new Date(invitation.lastSentAt.getTime() + INVITATION_RESEND_AFTER_MS);
    if (at < nextAllowed)
      throw new AppError("rate_limited", "rate_limited", undefined, { seconds: secondsUntil(nextAllowed, at) });
    // An expired invitation held no seat; reviving it takes one again.
    if (invitation.expiresAt <= at) await assertSeatAvailable(tx, invitation.partnerId, at);

    const updated = await tx.invitation.update({
      where: { id: invitation.id },
      data: { lastSentAt: at, sendCount: { increment: 1 }, expiresAt: new Date(at.getTime() + INVITATION_TTL_MS) },
      select: { id: true, phone: true, partnerId: true, invitedById: true, expiresAt: true, sendCount: true },
    });
    await sendInvitationSms(tx, updated, ctx.locale);
    return {
      data: { invitationId: updated.id, expiresAt: updated.expiresAt },
      audit: {
        targetType: "invitation",
        targetId: updated.id,
        details: { sendCount: updated.sendCount, expiresAt: updated.expiresAt.toISOString() },
      },
    };
  },
});
