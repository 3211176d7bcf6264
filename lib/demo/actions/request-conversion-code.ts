import { defineAction } from "@/lib/actions/define-action";
import { LIMITS } from "@/lib/auth/limits";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { deliveringCodes, issueStepUpCode } from "@/lib/auth/step-up";
import { now } from "@/lib/clock";
import { prismaSql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors/app-error";
import { assertNewRealPhone, convertibleDemo } from "../conversion";
import { conversionCodeSchema } from "../schemas";

const HOUR = 3_600_000;

/**
 * The first step of turning a demo cabinet into a real Partner (BIZ-3): a confirmation code (purpose
 * CONFIRM, the one code service) to the real mobile number the visitor gives. The usual throttles
 * hold — a resend after 60 s, five codes an hour per number — and codes from one address are counted
 * like login codes. The number must be new: a registered one is refused before any SMS. The SMS
 * leaves after the commit (deliveringCodes), never while the transaction is open.
 */
export const requestConversionCode = deliveringCodes(
  defineAction({
    name: "demo.requestConversionCode",
    input: conversionCodeSchema,
    // Only the primary user decides what becomes of the cabinet.
    access: { member: "cabinet.close" },
    audit: "demo.conversion_code_sent",
    async handler({ input, tx, actor, ctx }) {
      await convertibleDemo(tx, actor.partnerId);
      await assertNewRealPhone(tx, input.phone);
      const at = now();
      const { count } = await hitRateLimit(prismaSql(tx), `demo-convert:ip:${ctx.meta.ip ?? "unknown"}`, HOUR, at);
      if (count > LIMITS.codesPerIpPerHour) throw new AppError("rate_limited");
      const locked = await prismaSql(tx).query<{ locked: boolean }>(
        `SELECT "lockedUntil" > $2::timestamp(3) AS locked FROM phone_guard WHERE phone = $1`,
        [input.phone, at],
      );
      if (locked[0]?.locked) throw new AppError("rate_limited", "locked");
      const sent = await issueStepUpCode(tx, input.phone, ctx, "demoConvert.sms.code");
      return {
        data: sent,
        audit: { targetType: "phone", targetId: input.phone, details: { purpose: "CONFIRM" } },
      };
    },
  }),
);
