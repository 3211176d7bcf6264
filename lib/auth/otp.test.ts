import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateOtp, hashOtp, otpHashesEqual } from "./otp";

describe("login codes", () => {
  it("are six digits, evenly spread", () => {
    const codes = Array.from({ length: 2000 }, generateOtp);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(1990);
  });

  it("hash with the key, bound to phone and purpose", () => {
    const h = hashOtp("k".repeat(32), "+77011234567", "LOGIN", "123456");
    expect(h).toBe(createHmac("sha256", "k".repeat(32)).update("LOGIN\u0000+77011234567\u0000123456").digest("hex"));
    expect(hashOtp("k".repeat(32), "+77011234568", "LOGIN", "123456")).not.toBe(h);
    expect(hashOtp("k".repeat(32), "+77011234567", "SIGN", "123456")).not.toBe(h);
    expect(hashOtp("j".repeat(32), "+77011234567", "LOGIN", "123456")).not.toBe(h);
    expect(otpHashesEqual(h, h)).toBe(true);
    expect(otpHashesEqual(h, hashOtp("k".repeat(32), "+77011234567", "LOGIN", "123457"))).toBe(false);
    expect(otpHashesEqual(h, "abc")).toBe(false);
  });
});
