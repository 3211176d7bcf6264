import { describe, expect, it } from "vitest";
import { isValidKzTaxId, kzControlDigit, randomKzTaxId, sequentialKzTaxId } from "./kz-tax-id";

describe("BIN/IIN checksum", () => {
  it("accepts a number whose control digit comes from the first weights", () => {
    // 9·1 + 1·4 + 1·6 + 3·7 + 5·11 = 95; 95 mod 11 = 7
    expect(kzControlDigit("90010130005")).toBe(7);
    expect(isValidKzTaxId("900101300057")).toBe(true);
  });

  it("falls back to the second weights when the first give 10", () => {
    // 1·10 = 10 with the first weights; 1·1 = 1 with the second
    expect(kzControlDigit("00000000010")).toBe(1);
    expect(isValidKzTaxId("000000000101")).toBe(true);
  });

  it("refuses a wrong control digit, wrong length and non-digits", () => {
    expect(isValidKzTaxId("900101300058")).toBe(false);
    expect(isValidKzTaxId("90010130005")).toBe(false);
    expect(isValidKzTaxId("9001013000571")).toBe(false);
    expect(isValidKzTaxId("90010130005a")).toBe(false);
    expect(isValidKzTaxId("")).toBe(false);
  });
});

describe("tax id generators", () => {
  it("give valid and distinct numbers", () => {
    const random = Array.from({ length: 500 }, () => randomKzTaxId());
    expect(random.every(isValidKzTaxId)).toBe(true);
    expect(new Set(random).size).toBe(500);
    const sequence = Array.from({ length: 500 }, (_, n) => sequentialKzTaxId(n));
    expect(sequence.every(isValidKzTaxId)).toBe(true);
    expect(new Set(sequence).size).toBe(500);
  });
});
