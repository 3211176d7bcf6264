import { describe, expect, it } from "vitest";
import { formatTiyn, integerInWords, pluralForm, tengeInWords } from "./amount-in-words";

describe("amounts in words", () => {
  it.each([
    [0, "ноль"],
    [1, "один"],
    [11, "одиннадцать"],
    [21, "двадцать один"],
    [100, "сто"],
    [215, "двести пятнадцать"],
    [1000, "одна тысяча"],
    [2000, "две тысячи"],
    [5000, "пять тысяч"],
    [11_000, "одиннадцать тысяч"],
    [21_000, "двадцать одна тысяча"],
    [22_500, "двадцать две тысячи пятьсот"],
    [1_000_000, "один миллион"],
    [2_002_002, "два миллиона две тысячи два"],
    [1_000_001_000, "один миллиард одна тысяча"],
  ])("%i → %s", (n, words) => {
    expect(integerInWords(n)).toBe(words);
  });

  it("write tenge and tiyn with a capital first letter", () => {
    expect(tengeInWords(12_000_050)).toBe("Сто двадцать тысяч тенге 50 тиын");
    expect(tengeInWords(100)).toBe("Один тенге 00 тиын");
    expect(tengeInWords(5)).toBe("Ноль тенге 05 тиын");
  });

  it("refuse negative, fractional and huge amounts", () => {
    expect(() => tengeInWords(-1)).toThrow(RangeError);
    expect(() => tengeInWords(1.5)).toThrow(RangeError);
    expect(() => integerInWords(1e12)).toThrow(RangeError);
  });

  it("pick the Russian plural form, 11–14 included", () => {
    const forms = ["тысяча", "тысячи", "тысяч"] as const;
    expect([1, 2, 5, 11, 12, 14, 21, 22, 25, 111, 101].map((n) => pluralForm(n, forms))).toEqual([
      "тысяча",
      "тысячи",
      "тысяч",
      "тысяч",
      "тысяч",
      "тысяч",
      "тысяча",
      "тысячи",
      "тысяч",
      "тысяч",
      "тысяча",
    ]);
  });

  it("format figures with grouped thousands and two decimals", () => {
    expect(formatTiyn(12_000_050)).toBe("120\u00a0000,50");
  });
});
