import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./log-csv";

describe("audit CSV cells", () => {
  it("quotes a cell holding a semicolon, the separator Excel uses in ru and kk locales", () => {
    expect(csvCell("ТОО «Альфа»; филиал")).toBe('"ТОО «Альфа»; филиал"');
    expect(csvLine(["a;b", "c"])).toBe('"a;b",c\r\n');
    // Read with ";" as the separator, the quoted cell stays one cell.
    expect(csvLine(["x;=1+1", "y"]).split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)).toHaveLength(1);
  });

  it("still neutralises formula starts and quotes commas, quotes and line breaks", () => {
    expect(csvCell("=1;2")).toBe(`"'=1;2"`);
    expect(csvCell("\r=cmd")).toBe(`"'\r=cmd"`);
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
  });
});
