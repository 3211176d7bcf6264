import { electronicFormatIBAN, isValidBIC, isValidIBAN } from "ibantools";

/** Kazakh IBANs: "KZ", 2 check digits, 3-digit bank code and 13 account characters. */
const KZ_IBAN_LENGTH = 20;

/** Removes the spaces people copy from statements and upper-cases, so "kz86 125k…" is stored as "KZ86125K…". */
export function normalizeBankCode(value: string): string {
  return electronicFormatIBAN(value.replace(/\s+/g, "")) ?? "";
}

/** Why an (already normalized) IBAN is refused, or null when it is a valid Kazakh IBAN. */
export function kzIbanProblem(iban: string): "iban_not_kz" | "invalid_iban" | null {
  if (!iban.startsWith("KZ")) return "iban_not_kz";
  // ibantools checks the mod-97 check digits and the country's BBAN pattern.
  return iban.length === KZ_IBAN_LENGTH && isValidIBAN(iban) ? null : "invalid_iban";
}

/** A SWIFT/BIC code (8 or 11 characters) of a bank in Kazakhstan: country "KZ" at positions 5–6. */
export function isValidKzBik(bik: string): boolean {
  return isValidBIC(bik) && bik.slice(4, 6) === "KZ";
}
