import { describe, expect, it } from "vitest";
import { formatPhone, normalizePhone } from "./phone";

describe("normalizePhone", () => {
  it("normalizes Kazakh mobile numbers written in the usual ways", () => {
    for (const input of ["+7 701 123 45 67", "87011234567", "8 (701) 123-45-67", "7011234567", "+77011234567"]) {
      expect(normalizePhone(input)).toBe("+77011234567");
    }
  });

  it("refuses Russian numbers unless Russia is allowed", () => {
    expect(normalizePhone("+7 916 123 45 67")).toBeNull();
    expect(normalizePhone("+7 916 123 45 67", ["KZ", "RU"])).toBe("+79161234567");
  });

  it("refuses garbage, letters, too short and too long input", () => {
    for (const input of ["", "abc", "+7701", "+7 701 123 45 67 89 00", "+7701123456x", "1".repeat(40)]) {
      expect(normalizePhone(input)).toBeNull();
    }
  });

  it("formats for display", () => {
    expect(formatPhone("+77011234567")).toBe("+7 701 123 45 67");
  });
});
