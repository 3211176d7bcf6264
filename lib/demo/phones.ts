/**
 * People of demo cabinets have no real phone: numbers under the country code +999, which the ITU
 * keeps unassigned, so no SMS can ever reach a real person (the SMS senders refuse them too).
 */
export const DEMO_PHONE_PREFIX = "+999";

export function isDemoPhone(phone: string): boolean {
  return phone.startsWith(DEMO_PHONE_PREFIX);
}

/** A fresh demo number: +999 and 11 random digits. */
export function demoPhone(): string {
  const digits = Array.from(crypto.getRandomValues(new Uint8Array(11)), (b) => String(b % 10)).join("");
  return `${DEMO_PHONE_PREFIX}${digits}`;
}
