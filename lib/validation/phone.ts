import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/mobile";

/**
 * Normalizes a phone number typed by a person to E.164. Kazakhstan is the default region
 * (so "8 701 123 45 67" and "701 123 4567" work); other countries only when configured.
 */
export function normalizePhone(input: string, allowedCountries: readonly string[] = ["KZ"]): string | null {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 32 || /[a-zа-я]/i.test(trimmed)) return null;
  // Kazakh habit: a leading 8 instead of +7.
  const prepared = /^8[\s(-]*7\d/.test(trimmed.replace(/\s/g, "").slice(0, 3))
    ? "+7" + trimmed.replace(/^\s*8/, "")
    : trimmed;
  const parsed = parsePhoneNumberFromString(prepared, "KZ");
  // Mobile metadata: only numbers that can receive an SMS are valid.
  if (!parsed || !parsed.isValid()) return null;
  const country = parsed.country as CountryCode | undefined;
  if (!country || !allowedCountries.includes(country)) return null;
  return parsed.number;
}

/** "+77011234567" → "+7 701 123 45 67", for screens. */
export function formatPhone(e164: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `+7 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : e164;
}
