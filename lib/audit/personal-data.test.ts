import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { isSealed, openDetails, openSealed, phoneSubject, seal, sealedSubject } from "./personal-data";

const saved = { ...process.env };
beforeAll(() => {
  for (const name of ["PSEUDONYM_KEY", "NEXTAUTH_SECRET", "OTP_HASH_KEY"])
    process.env[name] = randomBytes(32).toString("hex");
  resetEnvCache();
});
afterAll(() => {
  process.env = saved;
  resetEnvCache();
});

describe("sealed personal values", () => {
  it("names a phone by a keyed pseudonym that does not contain it", () => {
    const subject = phoneSubject("+77011234567");
    expect(subject).toMatch(/^phone:[0-9a-f]{32}$/);
    expect(subject).toBe(phoneSubject("+77011234567"));
    expect(subject).not.toBe(phoneSubject("+77011234568"));
    process.env.PSEUDONYM_KEY = randomBytes(32).toString("hex");
    resetEnvCache();
    expect(phoneSubject("+77011234567")).not.toBe(subject);
  });

  it("opens with its subject's key only, and reads as erased without it", () => {
    const key = randomBytes(32);
    const sealed = seal("person:1", key, { name: "Дана" });
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain("Дана");
    expect(sealedSubject(sealed)).toBe("person:1");
    expect(openSealed(sealed, new Map([["person:1", key]]))).toEqual({ value: { name: "Дана" } });
    expect(openSealed(sealed, new Map())).toEqual({ erased: true });
    // A fresh key for the same subject (after an erasure) does not open older values.
    expect(openSealed(sealed, new Map([["person:1", randomBytes(32)]]))).toEqual({ erased: true });
    // Moved to another subject, the value fails authentication even with that subject's key.
    const moved = sealed.replace("person:1", "person:2");
    expect(openSealed(moved, new Map([["person:2", key]]))).toEqual({ erased: true });
  });

  it("opens sealed values anywhere in details and leaves the rest", () => {
    const key = randomBytes(32);
    const details = { before: seal("person:1", key, { email: "a@b.kz" }), reason: "x", list: [1] };
    expect(openDetails(details, new Map([["person:1", key]]))).toEqual({
      before: { email: "a@b.kz" },
      reason: "x",
      list: [1],
    });
    expect(openDetails(details, new Map())).toEqual({ before: { erased: true }, reason: "x", list: [1] });
  });
});
