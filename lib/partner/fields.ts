/**
 * The company profile's fields, grouped as the page shows them. Kept free of zod and validators
 * so the client form can import it without pulling them into the browser bundle.
 */
export type PartnerType = "LEGAL_ENTITY" | "INDIVIDUAL_ENTREPRENEUR" | "INDIVIDUAL";

export const PROFILE_SECTIONS = {
  requisites: ["name", "taxId", "legalAddress", "postalAddress", "headName", "headPosition"],
  bank: ["iban", "bik", "bankName"],
  contacts: ["contactPhone", "contactEmail"],
} as const;

export type ProfileSection = keyof typeof PROFILE_SECTIONS;
export type ProfileField = (typeof PROFILE_SECTIONS)[ProfileSection][number];
export const PROFILE_FIELDS: readonly ProfileField[] = Object.values(PROFILE_SECTIONS).flat();

const HEAD_FIELDS: readonly ProfileField[] = ["headName", "headPosition"];

/** The fields a Partner type shows and edits: only a legal entity has a separate head (ORG-1). */
export function profileFieldsFor(type: PartnerType): readonly ProfileField[] {
  return type === "LEGAL_ENTITY" ? PROFILE_FIELDS : PROFILE_FIELDS.filter((f) => !HEAD_FIELDS.includes(f));
}

/** Key under "company.fields" of a field's label: BIN for a legal entity, IIN otherwise. */
export function profileLabelKey(type: PartnerType, field: ProfileField): string {
  if (field === "taxId") return type === "LEGAL_ENTITY" ? "taxIdBin" : "taxIdIin";
  if (type === "INDIVIDUAL" && (field === "name" || field === "legalAddress")) return `${field}Individual`;
  return field;
}

/** Fields with a hint under "company.hints". */
export const PROFILE_HINTS: ReadonlySet<ProfileField> = new Set([
  "taxId",
  "iban",
  "bik",
  "postalAddress",
  "contactPhone",
]);

/** A stored profile as form values: what is not set is an empty field. */
export function profileFormValues(profile: Partial<Record<ProfileField, string | null>>): Record<string, string> {
  return Object.fromEntries(PROFILE_FIELDS.map((f) => [f, profile[f] ?? ""]));
}
