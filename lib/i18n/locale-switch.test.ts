import { describe, expect, it } from "vitest";
import { chooseLocale } from "@/lib/auth/current-locale";
import { sameOriginPath } from "./locale-switch";

describe("where the language switch sends the browser back", () => {
  it("keeps a path of this site, with its query and fragment", () => {
    expect(sameOriginPath("/")).toBe("/");
    expect(sameOriginPath("/tariffs/business?from=landing#prices")).toBe("/tariffs/business?from=landing#prices");
    expect(sameOriginPath("/cabinet/../login")).toBe("/login");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "/.//evil.example",
    "/%2e//evil.example",
    "javascript:alert(1)",
    "tariffs",
    " /tariffs",
    "",
  ])("refuses %j", (hostile) => {
    expect(sameOriginPath(hostile)).toBeNull();
  });

  it("refuses nothing at all", () => {
    expect(sameOriginPath(null)).toBeNull();
    expect(sameOriginPath(undefined)).toBeNull();
  });
});

describe("the interface language of a request", () => {
  it("is the person's choice first, then the cookie, then the browser's, then Russian", () => {
    expect(chooseLocale({ person: "en", cookie: "kk", acceptLanguage: "ru" })).toBe("en");
    expect(chooseLocale({ person: null, cookie: "kk", acceptLanguage: "en-US,en;q=0.9" })).toBe("kk");
    expect(chooseLocale({ cookie: "de", acceptLanguage: "de-DE, en;q=0.8" })).toBe("en");
    expect(chooseLocale({ person: "xx", acceptLanguage: null })).toBe("ru");
  });
});
