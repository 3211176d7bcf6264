import { describe, expect, it } from "vitest";
import { linksIn, plainName } from "./plain-text";

describe("plainName", () => {
  it("keeps ordinary Kazakh, Russian and Latin names", () => {
    expect(plainName("ТОО «Қазақ Аудит»")).toBe("ТОО «Қазақ Аудит»");
    expect(plainName("ИП Иванов А.Б.")).toBe("ИП Иванов А.Б.");
    expect(plainName("  Dana   O'Neil ")).toBe("Dana O'Neil");
  });

  it("drops C0/C1 controls, bidi controls and zero-width characters", () => {
    expect(plainName("Асан\u0000\u0007\u0085\u009b Ли")).toBe("Асан Ли");
    expect(plainName("a\u202Emoc.evil\u202C b\u2066c\u2069\u200Bd\ufeff")).toBe("bcd");
    expect(plainName("Line\nbreak\tname")).toBe("Line break name");
  });

  it("drops markup and anything URL-like", () => {
    expect(plainName("<script>alert(1)</script>Дана")).toBe("alert(1) Дана");
    expect(plainName("Pay http://evil.example/x now")).toBe("Pay now");
    expect(plainName("hxxp javascript:alert(1) x")).toBe("hxxp x");
    expect(plainName("Go www.evil.kz/login or evil.com or bit.ly/abc")).toBe("Go or or");
    expect(plainName("fullwidth evil\uff0ecom and evil [.] com")).toBe("fullwidth and evil com");
    expect(plainName("mail me@evil.kz")).toBe("mail");
  });

  it("bounds the length", () => {
    expect(plainName("я".repeat(500))).toHaveLength(80);
  });
});

describe("linksIn", () => {
  it("finds every link-like piece", () => {
    expect(linksIn("Войдите: https://cabinet.example.kz/login")).toEqual(["https://cabinet.example.kz/login"]);
    expect(linksIn("no links here")).toEqual([]);
  });
});
