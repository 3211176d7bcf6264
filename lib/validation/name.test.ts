import { describe, expect, it } from "vitest";
import { isDisplayableName, nameSchema } from "./name";

describe("names", () => {
  it("accepts ordinary names in any script", () => {
    for (const name of ["Нурлан Абенов", "Әлия Қасымова", "ТОО «Альфа-1»", "O'Brien", "محمد", "1С", "李雷"])
      expect(isDisplayableName(name), name).toBe(true);
  });

  it("refuses names made only of invisible or whitespace-like characters", () => {
    for (const name of [
      "\u200B\u200B",
      "\u200C\u200D\u2060",
      "\uFEFF\u00AD",
      "\u3164\u3164",
      "\u2800\u2800",
      "\u0301\u0301",
    ])
      expect(isDisplayableName(name), JSON.stringify(name)).toBe(false);
  });

  it("refuses bidirectional controls anywhere in a name", () => {
    for (const c of [
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u202E",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200E",
      "\u200F",
      "\u061C",
    ])
      expect(isDisplayableName(`Иван${c}ов`), c.codePointAt(0)!.toString(16)).toBe(false);
  });

  it("names the problem with the invalid_name key", () => {
    const result = nameSchema({ min: 2, max: 120 }).safeParse("\u200B\u200B\u200B");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["invalid_name"]);
    expect(nameSchema({ min: 1, max: 10 }).safeParse(" ").error?.issues[0]?.message).toBe("required");
  });
});
