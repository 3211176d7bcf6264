import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";

/** Ends the current session; the cookie or token stops working at once. */
export const logout = defineAction({
  name: "auth.logout",
  input: z.object({}).strict(),
  access: "session",
  audit: "auth.logout",
  async handler({ tx, actor }) {
    await tx.session.update({ where: { id: actor.sessionId }, data: { revokedAt: now(), revokeReason: "logout" } });
    return { data: null, audit: { targetType: "session", targetId: actor.sessionId } };
  },
});
