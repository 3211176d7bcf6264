import { z } from "zod";
import { env } from "@/lib/env";
import { normalizePhone } from "@/lib/validation/phone";

/** A phone as typed; becomes E.164 or fails with the "invalid_phone" message key. */
export const phoneSchema = z
  .string({ error: "invalid_phone" })
  .max(32, { error: "invalid_phone" })
  .transform((value, ctx) => {
    const phone = normalizePhone(value, env().PHONE_ALLOWED_COUNTRIES);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: "invalid_phone" });
      return z.NEVER;
    }
    return phone;
  });

export const otpCodeSchema = z
  .string({ error: "invalid_code_format" })
  .regex(/^\d{6}$/, { error: "invalid_code_format" });

export const requestCodeSchema = z.object({ phone: phoneSchema }).strict();
export const verifyCodeSchema = z.object({ phone: phoneSchema, code: otpCodeSchema }).strict();
