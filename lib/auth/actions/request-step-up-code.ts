import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { issueStepUpCode } from "../step-up";

/** Sends the primary user a fresh code to confirm granting or changing access (AUTH-7). */
export const requestStepUpCode = defineAction({
  name: "auth.requestStepUpCode",
  input: z.object({}).strict(),
  access: { member: "users.manage" },
  audit: "auth.step_up_code_sent",
  async handler({ tx, actor, ctx }) {
    const sent = await issueStepUpCode(tx, actor.phone, ctx.locale, ctx.meta.ip);
    return { data: sent, audit: { targetType: "phone", targetId: actor.phone, details: { purpose: "CONFIRM" } } };
  },
});
