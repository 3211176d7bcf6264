import { z } from "zod";
import { emailSchema, taxIdSchema } from "@/lib/registration/schemas";
import { nameSchema } from "@/lib/validation/name";
import { normalizeContactPhone } from "@/lib/validation/contact-phone";
import { isValidKzBik, kzIbanProblem, normalizeBankCode } from "./bank";
import type { PartnerType } from "./fields";

/**
 * An optional requisite: missing means "leave as is" (API callers may send only what changes),
 * an empty string or null clears it (stored as null).
 */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    schema.nullable().optional(),
  );
}

const text = (max: number) => z.string().trim().max(max, { error: "too_long" });

export const ibanSchema = z
  .string()
  .max(64, { error: "too_long" })
  .transform(normalizeBankCode)
  .check((ctx) => {
    const problem = kzIbanProblem(ctx.value);
    if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
  });

export const bikSchema = z
  .string()
  .max(32, { error: "too_long" })
  .transform(normalizeBankCode)
  .refine(isValidKzBik, { error: "invalid_bik" });

export const contactPhoneSchema = z
  .string()
  .max(32, { error: "too_long" })
  .transform((value, ctx) => {
    const phone = normalizeContactPhone(value);
    if (!phone) ctx.issues.push({ code: "custom", message: "invalid_contact_phone", input: value });
    return phone ?? value;
  });

/** Requisites every Partner type has (ORG-2); the tax id is a BIN or an IIN, same checksum. */
const requisites = {
  name: nameSchema({ min: 2, max: 200 }),
  taxId: taxIdSchema,
  legalAddress: optional(text(500)),
  postalAddress: optional(text(500)),
  iban: optional(ibanSchema),
  bik: optional(bikSchema),
  bankName: optional(nameSchema({ min: 1, max: 200 })),
  contactPhone: optional(contactPhoneSchema),
  contactEmail: optional(emailSchema),
};

/** Only a legal entity has a head distinct from the Partner itself. */
const head = {
  headName: optional(nameSchema({ min: 2, max: 120 })),
  headPosition: optional(text(120)),
};

export const legalEntityProfileSchema = z.object({ ...requisites, ...head }).strict();
export const personProfileSchema = z.object(requisites).strict();

/** The profile schema of a Partner type (ORG-1): forms and the handler validate by type. */
export function companyProfileSchemaFor(type: PartnerType) {
  return type === "LEGAL_ENTITY" ? legalEntityProfileSchema : personProfileSchema;
}

/**
 * The action's input: the widest shape, since the Partner type comes from the actor's Partner,
 * not from the input; the handler then checks it against the type. No partnerId, no type.
 */
export const updateCompanyProfileSchema = legalEntityProfileSchema;
export type CompanyProfileInput = z.output<typeof legalEntityProfileSchema>;
