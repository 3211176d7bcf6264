import { describe, expect, it } from "vitest";
import { changeTakesEffect } from "./plan";
import { kzYear, monthStart, nextMonthStart } from "./period";

describe("calendar months in Kazakhstan time (UTC+5)", () => {
  it("put 01:00 on 1 December in Almaty in December, though it is still November in UTC", () => {
    const at = new Date("2026-11-30T20:00:00Z");
    expect(monthStart(at).toISOString()).toBe("2026-11-30T19:00:00.000Z");
    expect(nextMonthStart(at).toISOString()).toBe("2026-12-31T19:00:00.000Z");
  });

  it("roll the year over at Almaty midnight", () => {
    expect(kzYear(new Date("2026-12-31T18:59:59Z"))).toBe(2026);
    expect(kzYear(new Date("2026-12-31T19:00:00Z"))).toBe(2027);
    expect(nextMonthStart(new Date("2026-12-15T00:00:00Z")).toISOString()).toBe("2026-12-31T19:00:00.000Z");
  });
});

describe("when a tariff change applies", () => {
  const at = new Date("2026-12-10T10:00:00Z");
  it("at once for a dearer tariff or from no priced tariff", () => {
    expect(changeTakesEffect(at, 25_000, 65_000)).toBe(at);
    expect(changeTakesEffect(at, null, 25_000)).toBe(at);
  });
  it("from the 1st of next month for the same price or a cheaper one", () => {
    expect(changeTakesEffect(at, 65_000, 25_000).toISOString()).toBe("2026-12-31T19:00:00.000Z");
    expect(changeTakesEffect(at, 25_000, 25_000).toISOString()).toBe("2026-12-31T19:00:00.000Z");
  });
});
