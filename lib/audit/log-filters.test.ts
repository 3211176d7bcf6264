import { describe, expect, it } from "vitest";
import { encodeCursor, filtersToSearchParams, parseAuditSearch } from "./log-filters";

const person = "6f1c2b7e-8a4d-4c1e-9b0a-1d2e3f4a5b6c";

describe("audit log search parameters", () => {
  it("keeps valid filters and the cursor", () => {
    const cursor = encodeCursor({ createdAt: new Date("2025-03-01T10:00:00.123Z"), id: 42n });
    const parsed = parseAuditSearch(
      new URLSearchParams({
        person,
        action: "auth.login",
        targetType: "person",
        from: "2025-03-01",
        to: "2025-03-31",
        cursor,
      }),
    );
    expect(parsed).toEqual({
      filters: { person, action: "auth.login", targetType: "person", from: "2025-03-01", to: "2025-03-31" },
      cursor: { createdAt: new Date("2025-03-01T10:00:00.123Z"), id: 42n },
      ignored: [],
      reversedTo: null,
    });
  });

  it("drops each bad value on its own and names it, never throwing", () => {
    const parsed = parseAuditSearch({
      person: "1 OR 1=1",
      action: "drop.table",
      targetType: "<script>",
      from: "2025-02-30",
      to: ["2025-03-05", "x"],
      cursor: "abc",
    });
    expect(parsed.filters).toEqual({ to: "2025-03-05" });
    expect(parsed.cursor).toBeNull();
    expect(parsed.ignored).toEqual(["person", "action", "targetType", "from", "cursor"]);
  });

  it("treats out-of-range and malformed cursors as bad cursors", () => {
    for (const cursor of [
      "1.9999999999999999999",
      "1.9223372036854775808",
      "1741000000000.99999999999999999999",
      "9999999999999999.1",
      "1.-1",
      "1.1e3",
      "1.0x10",
      " .1",
      "1..2",
      "１.２",
    ]) {
      const parsed = parseAuditSearch({ cursor });
      expect(parsed.cursor, cursor).toBeNull();
      expect(parsed.ignored, cursor).toEqual(["cursor"]);
    }
    expect(parseAuditSearch({ cursor: "1.9223372036854775807" }).cursor).toEqual({
      createdAt: new Date(1),
      id: 9223372036854775807n,
    });
  });

  it("leaves out an end date before the start date and keeps it to say so beside the field", () => {
    expect(parseAuditSearch({ from: "2025-03-05", to: "2025-03-01" })).toMatchObject({
      filters: { from: "2025-03-05" },
      ignored: [],
      reversedTo: "2025-03-01",
    });
  });

  it("writes filters back as search parameters", () => {
    expect(filtersToSearchParams({ action: "auth.login", from: "2025-03-01" }, { cursor: "1.2" }).toString()).toBe(
      "action=auth.login&from=2025-03-01&cursor=1.2",
    );
  });
});
