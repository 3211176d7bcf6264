import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { writeAudit } from "@/lib/audit/write";
import { now } from "@/lib/clock";
import { joinByInvitation } from "@/lib/members/join";
import { createRegisteredPerson } from "../person";
import { registerSchema } from "../schemas";

export const joinByInvitationSchema = registerSchema
  .pick({ name: true, email: true, accept: true, adult: true })
  .extend({ invitationId: z.uuid() });

/**
 * A new number that was invited joins the inviting Partner instead of registering its own: the
 * person is created with the legal texts accepted, then the invitation becomes their membership.
 */
export const joinPartnerByInvitation = defineAction({
  name: "registration.joinByInvitation",
  input: joinByInvitationSchema,
  access: "registration",
  audit: "member.invitation_accepted",
  async handler({ input, tx, actor, ctx }) {
    const at = now();
    const { person, consent } = await createRegisteredPerson(tx, {
      phone: actor.phone,
      name: input.name,
      email: input.email,
      ctx,
      at,
    });
    const joined = await joinByInvitation(tx, {
      invitationId: input.invitationId,
      phone: actor.phone,
      personId: person.id,
      sessionId: actor.sessionId,
      at,
    });
    await writeAudit(tx, consent(joined.partnerId, joined.audit.actorRole));
    return {
      data: { personId: person.id, partnerId: joined.partnerId },
      audit: { ...joined.audit, actorPersonId: person.id },
    };
  },
});
