import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors/app-error";

/** Ends one of the person's own sessions (another device). A foreign id finds nothing. */
export const revokeSession = defineAction({
  name: "auth.revokeSession",
  input: z.object({ sessionId: z.uuid() }).strict(),
  access: "self",
  audit: "auth.session_revoked",
  async handler({ input, tx, actor }) {
    const { count } = await tx.session.updateMany({
      where: { id: input.sessionId, personId: actor.personId, revokedAt: null },
      data: { revokedAt: now(), revokeReason: "revoked_by_person" },
    });
    if (count === 0) throw notFound();
    return { data: null, audit: { targetType: "session", targetId: input.sessionId } };
  },
});
