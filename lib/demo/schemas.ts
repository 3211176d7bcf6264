import { z } from "zod";
import { otpCodeSchema, phoneSchema } from "@/lib/auth/schemas";
import { registerSchema } from "@/lib/registration/schemas";

/** The visitor's real mobile number, which gets the confirmation code. */
export const conversionCodeSchema = z.object({ phone: phoneSchema }).strict();

/**
 * Turning a demo cabinet into a real Partner: the number and its code, then exactly what the
 * ordinary registration asks (the same schema, so the same checks and messages).
 */
export const convertDemoSchema = registerSchema.extend({ phone: phoneSchema, code: otpCodeSchema });

export type ConvertDemoInput = z.infer<typeof convertDemoSchema>;
