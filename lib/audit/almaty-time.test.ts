import { describe, expect, it } from "vitest";
import { almatyDayEndUtc, almatyDayStartUtc, almatyIsoString, isIsoDate } from "./almaty-time";

describe("Kazakhstan day boundaries", () => {
  it("converts a date to the UTC instant its Almaty day starts and ends (UTC+5)", () => {
    expect(almatyDayStartUtc("2025-03-10").toISOString()).toBe("2025-03-09T19:00:00.000Z");
    expect(almatyDayEndUtc("2025-03-10").toISOString()).toBe("2025-03-10T19:00:00.000Z");
    expect(almatyDayEndUtc("2025-12-31").toISOString()).toBe("2025-12-31T19:00:00.000Z");
  });

  it("writes instants as Almaty wall time with the offset", () => {
    expect(almatyIsoString(new Date("2025-03-09T19:00:00.000Z"))).toBe("2025-03-10T00:00:00+05:00");
  });

  it("accepts only real calendar dates", () => {
    expect(isIsoDate("2025-02-28")).toBe(true);
    expect(isIsoDate("2025-02-30")).toBe(false);
    expect(isIsoDate("2025-2-3")).toBe(false);
    expect(isIsoDate("=cmd")).toBe(false);
  });
});
