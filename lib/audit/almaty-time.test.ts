import { describe, expect, it } from "vitest";
import {
  almatyDayEndUtc,
  almatyDayStartUtc,
  almatyDisplayTime,
  almatyIsoString,
  displayDate,
  isIsoDate,
} from "./almaty-time";

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

  it("shows instants and dates as dd.MM.yyyy in Almaty time, with a four-digit year", () => {
    expect(almatyDisplayTime(new Date("2026-11-30T19:05:09.000Z"))).toBe("01.12.2026 00:05:09");
    expect(almatyDisplayTime(new Date("2023-06-01T18:30:00.000Z"))).toBe("02.06.2023 00:30:00");
    expect(displayDate("2026-12-01")).toBe("01.12.2026");
  });
});
