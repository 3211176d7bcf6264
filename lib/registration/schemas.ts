import { z } from "zod";
import { isValidKzTaxId } from "@/lib/validation/kz-tax-id";

/** A ticked checkbox arrives as "on" from a form and as true from JSON. */
const ticked = (message: string) =>
  z.preprocess((value) => value === true || value === "on" || value === "true", z.literal(true, { error: message }));

export const PARTNER_TYPES = ["LEGAL_ENTITY", "INDIVIDUAL_ENTREPRENEUR", "INDIVIDUAL"] as const;

export const personNameSchema = z.string().trim().min(2, { error: "too_short" }).max(120, { error: "too_long" });
export const emailSchema = z
  .string()
  .trim()
  .max(254, { error: "too_long" })
  .pipe(z.email({ error: "invalid_email" }));
export const taxIdSchema = z
  .string()
  .trim()
  .refine((value) => isValidKzTaxId(value), { error: "invalid_tax_id" });

/** Registration of a new number: the person, their Partner, and acceptance of the legal texts (PRV-2). */
export const registerSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  partnerType: z.enum(PARTNER_TYPES, { error: "required" }),
  partnerName: z.string().trim().min(2, { error: "too_short" }).max(200, { error: "too_long" }),
  taxId: taxIdSchema,
  accept: ticked("must_accept"),
  adult: ticked("must_confirm_age"),
});

export type RegisterInput = z.infer<typeof registerSchema>;
