import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";

/** "Log out other devices": every session of the person but this one ends. */
export const revokeOtherSessions = defineAction({
  name: "auth.revokeOtherSessions",
  input: z.object({}).strict(),
  access: "self",
  audit: "auth.other_sessions_revoked",
  async handler({ tx, actor }) {
    const { count } = await tx.session.updateMany({
      where: { personId: actor.personId, revokedAt: null, id: { not: actor.sessionId } },
      data: { revokedAt: now(), revokeReason: "revoked_by_person" },
    });
    return {
      data: { revoked: count },
      audit: { targetType: "person", targetId: actor.personId, details: { revoked: count } },
    };
  },
});
