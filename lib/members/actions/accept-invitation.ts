import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { joinByInvitation } from "../join";
import { invitationIdSchema } from "../schemas";

/**
 * The invitee joins the cabinet they were invited to and switches into it. They are not a member
 * of that Partner yet, so the transaction is not Partner-scoped: see joinByInvitation.
 */
export const acceptInvitation = defineAction({
  name: "members.acceptInvitation",
  input: invitationIdSchema,
  access: "self",
  audit: "member.invitation_accepted",
  async handler({ input, tx, actor }) {
    const joined = await joinByInvitation(tx, {
      invitationId: input.invitationId,
      phone: actor.phone,
      personId: actor.personId,
      sessionId: actor.sessionId,
      at: now(),
    });
    return { data: { partnerId: joined.partnerId, membershipId: joined.membershipId }, audit: joined.audit };
  },
});
