import { profileFieldsFor, type PartnerType, type ProfileField } from "./fields";
import type { CompanyProfileInput } from "./schemas";

/** The columns of the company profile: the type (shown, not edited) and every requisite. */
export const PROFILE_SELECT = {
  type: true,
  name: true,
  taxId: true,
  legalAddress: true,
  postalAddress: true,
  headName: true,
  headPosition: true,
  iban: true,
  bik: true,
  bankName: true,
  contactPhone: true,
  contactEmail: true,
} as const;

type Stored = { type: PartnerType } & Record<ProfileField, string | null>;

/**
 * What an input changes in a stored profile: only fields of the Partner's type that were sent and
 * differ, so the audit row tells exactly what moved.
 */
export function profileChanges(stored: Stored, input: Partial<CompanyProfileInput>) {
  const before: Partial<Record<ProfileField, string | null>> = {};
  // Typed as the input, so the Prisma update sees name and taxId as never null.
  const after: Partial<CompanyProfileInput> = {};
  for (const field of profileFieldsFor(stored.type)) {
    const next = input[field];
    if (next === undefined || next === stored[field]) continue;
    before[field] = stored[field];
    (after as Record<ProfileField, string | null>)[field] = next;
  }
  return { before, after };
}

/** Head fields sent for a Partner without a separate head (an entrepreneur or an individual). */
export function fieldsForeignToType(type: PartnerType, input: Partial<CompanyProfileInput>): ProfileField[] {
  const allowed = new Set(profileFieldsFor(type));
  return (Object.keys(input) as ProfileField[]).filter((field) => !allowed.has(field) && input[field] != null);
}
