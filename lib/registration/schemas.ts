import { z } from "zod";
import { isValidKzTaxId } from "@/lib/validation/kz-tax-id";
import { nameSchema } from "@/lib/validation/name";

/** A ticked checkbox arrives as "on" from a form and as true from JSON. */
const ticked = (message: string) =>
  z.preprocess((value) => value === true || value === "on" || value === "true", z.literal(true, { error: message }));

export const PARTNER_TYPES = ["LEGAL_ENTITY", "INDIVIDUAL_ENTREPRENEUR", "INDIVIDUAL"] as const;

export const personNameSchema = nameSchema({ min: 2, max: 120 });
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
  partnerName: nameSchema({ min: 2, max: 200 }),
  taxId: taxIdSchema,
  accept: ticked("must_accept"),
  adult: ticked("must_confirm_age"),
});

export type RegisterInput = z.infer<typeof registerSchema>;
