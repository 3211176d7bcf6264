import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * A company's contact number: any valid Kazakh number, landlines included (+7 727 …), to E.164.
 * Login stays mobile-only (./phone.ts); this uses the full metadata, so it lives apart from it
 * to keep the login form's bundle small.
 */
export function normalizeContactPhone(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 32 || !/^[\d\s()+-]+$/.test(trimmed)) return null;
  // "8 727 …" is the domestic prefix of +7.
  const prepared = /^8\d{10}$/.test(trimmed.replace(/[\s()-]/g, "")) ? "+7" + trimmed.replace(/^\s*8/, "") : trimmed;
  const parsed = parsePhoneNumberFromString(prepared, "KZ");
  if (!parsed || !parsed.isValid() || parsed.country !== "KZ") return null;
  return parsed.number;
}
