import { describe, expect, it } from "vitest";
import { normalizeContactPhone } from "./contact-phone";
import { normalizePhone } from "./phone";

describe("normalizeContactPhone", () => {
  it("accepts Kazakh landlines as well as mobiles", () => {
    expect(normalizeContactPhone("+7 727 250 00 00")).toBe("+77272500000");
    expect(normalizeContactPhone("8 (7172) 55-44-33")).toBe("+77172554433");
    expect(normalizeContactPhone("8 701 123 45 67")).toBe("+77011234567");
    // Login stays mobile-only.
    expect(normalizePhone("+7 727 250 00 00")).toBeNull();
  });

  it("still refuses garbage and numbers of other countries", () => {
    for (const input of ["", "abc", "12345", "+7 000 000 00 00", "+7 916 123 45 67", "+49 30 123456", "1".repeat(40)])
      expect(normalizeContactPhone(input)).toBeNull();
  });
});
