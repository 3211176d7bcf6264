import { createHmac, createSecretKey, randomInt, timingSafeEqual, type KeyObject } from "node:crypto";

export const OTP_LENGTH = 6;
export const OTP_TTL_MS = 5 * 60_000;

/** Six digits from the operating system's CSPRNG. */
export function generateOtp(): string {
  return randomInt(0, 10 ** OTP_LENGTH)
    .toString()
    .padStart(OTP_LENGTH, "0");
}

const keys = new Map<string, KeyObject>();

/** Keyed hash bound to phone and purpose, so a stolen table reveals no codes and a code works only where it was sent. */
export function hashOtp(key: string, phone: string, purpose: string, code: string): string {
  // A prepared key object spares re-importing the secret on every check of the hot login path.
  let keyObject = keys.get(key);
  if (!keyObject) {
    keyObject = createSecretKey(Buffer.from(key, "utf8"));
    keys.set(key, keyObject);
  }
  return createHmac("sha256", keyObject).update(`${purpose}\u0000${phone}\u0000${code}`).digest("hex");
}

/** Constant-time comparison of two hex digests. */
export function otpHashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
