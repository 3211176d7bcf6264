import { defineAction } from "@/lib/actions/define-action";
import { consumeStepUpCode, countingStepUpFailures } from "@/lib/auth/step-up";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors/app-error";
import { notify } from "@/lib/notifications/notify";
import { sendInvitationSms } from "../invitation-sms";
import { inviteMemberSchema, storedGrant } from "../schemas";
import { INVITATION_TTL_MS, assertSeatAvailable } from "../seats";

/**
 * The primary user invites a person by phone (TEN-2), confirmed by a fresh code to their own
 * phone (AUTH-7). The invitation holds a seat of the tariff's user limit until it expires (TEN-3).
 */
export const inviteMember = countingStepUpFailures(
  defineAction({
    name: "members.invite",
    input: inviteMemberSchema,
    access: { member: "users.manage" },
    audit: "member.invited",
    async handler({ input, tx, actor, ctx }) {
      await consumeStepUpCode(tx, actor.phone, input.code);
      const at = now();
      const member = await tx.membership.findFirst({
        where: { status: "ACTIVE", person: { phone: input.phone } },
        select: { id: true },
      });
      if (member) throw new AppError("conflict", "invalid_input", { phone: ["already_member"] });
      const pending = await tx.invitation.findFirst({
        where: { phone: input.phone, status: "PENDING", expiresAt: { gt: at } },
        select: { id: true },
      });
      if (pending) throw new AppError("conflict", "invalid_input", { phone: ["invitation_pending"] });
      await assertSeatAvailable(tx, actor.partnerId, at);

      const grant = storedGrant(input);
      const invitation = await tx.invitation.create({
        data: {
          partnerId: actor.partnerId,
          phone: input.phone,
          name: input.name,
          position: input.position ?? null,
          email: input.email ?? null,
          ...grant,
          invitedById: actor.personId,
          expiresAt: new Date(at.getTime() + INVITATION_TTL_MS),
          lastSentAt: at,
          sendCount: 1,
        },
        select: { id: true, phone: true, partnerId: true, invitedById: true, expiresAt: true },
      });
      await sendInvitationSms(tx, invitation, ctx.locale);
      // Someone who already has an account also finds it in their notification centre.
      const invitee = await tx.person.findUnique({ where: { phone: input.phone }, select: { id: true } });
      if (invitee) {
        const [partner, inviter] = await Promise.all([
          tx.partner.findUniqueOrThrow({ where: { id: actor.partnerId }, select: { name: true } }),
          tx.person.findUniqueOrThrow({ where: { id: actor.personId }, select: { name: true } }),
        ]);
        await notify(tx, {
          personIds: [invitee.id],
          kind: "invitation.received",
          partnerId: actor.partnerId,
          params: { partner: partner.name, inviter: inviter.name },
          link: "/cabinet/invitations",
        });
      }
      return {
        data: { invitationId: invitation.id, expiresAt: invitation.expiresAt },
        audit: {
          targetType: "invitation",
          targetId: invitation.id,
          // The invitee is named by the invitation (looked up when shown), not copied into the record.
          details: { ...grant },
        },
      };
    },
  }),
);
