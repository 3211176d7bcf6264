import { isDemoPhone } from "@/lib/demo/phones";
import { AppError } from "@/lib/errors/app-error";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { deliveringCodes, issueStepUpCode } from "../step-up";

/**
 * Sends the primary user a fresh code to confirm granting or changing access (AUTH-7). The SMS
 * leaves after the commit (deliveringCodes), never while the transaction is open.
 */
export const requestStepUpCode = deliveringCodes(
  defineAction({
    name: "auth.requestStepUpCode",
    input: z.object({}).strict(),
    access: { member: "users.manage" },
    audit: "auth.step_up_code_sent",
    async handler({ tx, actor, ctx }) {
      // A demo cabinet's person has no phone that could receive the code.
      if (isDemoPhone(actor.phone)) throw new AppError("conflict", "demo_no_codes");
      const sent = await issueStepUpCode(tx, actor.phone, ctx);
      return { data: sent, audit: { targetType: "phone", targetId: actor.phone, details: { purpose: "CONFIRM" } } };
    },
  }),
);
