import { describe, expect, it } from "vitest";
import { KZ_CALENDAR_DAYS } from "./kz-days";
import {
  addWorkingHours,
  addWorkingMillis,
  buildWorkingCalendar,
  isWorkingDay,
  isWorkingTime,
  localIsoDate,
  workingMillisBetween,
  type WorkingCalendar,
} from "./working-time";

const KZ = buildWorkingCalendar(KZ_CALENDAR_DAYS);
const HOUR = 3_600_000;
/** A moment given as Almaty wall-clock time (UTC+5 since 2024-03-01). */
const almaty = (local: string) => new Date(`${local}+05:00`);

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("the zone", () => {
  it("Node's Intl puts Asia/Almaty at UTC+6 before 2024-03-01 and UTC+5 after", () => {
    const offset = (d: string) =>
      new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Almaty", timeZoneName: "shortOffset" })
        .formatToParts(new Date(d))
        .find((p) => p.type === "timeZoneName")?.value;
    expect(offset("2024-02-29T12:00:00Z")).toBe("GMT+6");
    expect(offset("2024-03-01T12:00:00Z")).toBe("GMT+5");
    expect(offset("2026-07-01T12:00:00Z")).toBe("GMT+5");
  });

  it("takes local dates in the zone, not in UTC", () => {
    // 20:30 UTC on 20 March is already 01:30 on 21 March in Almaty.
    expect(localIsoDate(new Date("2026-03-20T20:30:00Z"))).toBe("2026-03-21");
  });
});

describe("the 2026 calendar", () => {
  it("knows weekends, holidays, transfer days and a worked Sunday", () => {
    expect(isWorkingDay("2026-03-20", KZ)).toBe(true);
    expect(isWorkingDay("2026-03-21", KZ)).toBe(false);
    expect(isWorkingDay("2026-03-23", KZ)).toBe(false);
    expect(isWorkingDay("2026-03-24", KZ)).toBe(false);
    expect(isWorkingDay("2026-03-26", KZ)).toBe(true);
    expect(isWorkingDay("2026-08-31", KZ)).toBe(true);
    expect(isWorkingDay("2025-01-05", KZ)).toBe(true);
    expect(isWorkingDay("2025-01-03", KZ)).toBe(false);
  });
});

describe("addWorkingHours", () => {
  it("Friday 20 March 2026 17:30 + 8 working hours is Thursday 26 March 16:30 (weekend, Nauryz, two transfer days)", () => {
    expect(addWorkingHours(almaty("2026-03-20T17:30:00"), 8, KZ)).toEqual(almaty("2026-03-26T16:30:00"));
  });

  it("a start before 09:00 counts from 09:00", () => {
    expect(addWorkingHours(almaty("2026-04-01T06:15:00"), 2, KZ)).toEqual(almaty("2026-04-01T11:00:00"));
  });

  it("a start after 18:00 counts from 09:00 of the next working day", () => {
    expect(addWorkingHours(almaty("2026-04-01T19:45:00"), 1.5, KZ)).toEqual(almaty("2026-04-02T10:30:00"));
    // Friday evening → Monday morning.
    expect(addWorkingHours(almaty("2026-04-03T18:00:00"), 4, KZ)).toEqual(almaty("2026-04-06T13:00:00"));
  });

  it("a target that ends exactly at 18:00 is due at 18:00, not the next morning", () => {
    expect(addWorkingHours(almaty("2026-04-01T09:00:00"), 9, KZ)).toEqual(almaty("2026-04-01T18:00:00"));
  });

  it("a start on a holiday counts from the next working day", () => {
    // Wednesday 27 May 2026 is Kurban Ait.
    expect(addWorkingHours(almaty("2026-05-27T10:00:00"), 3, KZ)).toEqual(almaty("2026-05-28T12:00:00"));
    // Thursday 7 May (holiday), Friday 8 May works, 9–10 weekend, Monday 11 May a transfer day off.
    expect(addWorkingHours(almaty("2026-05-07T12:00:00"), 10, KZ)).toEqual(almaty("2026-05-12T10:00:00"));
  });

  it("a working Saturday counts, an ordinary one does not", () => {
    const cal = buildWorkingCalendar([...KZ_CALENDAR_DAYS, { date: "2026-04-04", kind: "WORKING_DAY" }]);
    expect(addWorkingHours(almaty("2026-04-03T17:00:00"), 3, cal)).toEqual(almaty("2026-04-04T11:00:00"));
    expect(addWorkingHours(almaty("2026-04-03T17:00:00"), 3, KZ)).toEqual(almaty("2026-04-06T11:00:00"));
    // Sunday 5 January 2025 was worked (for Friday 3 January).
    expect(addWorkingHours(almaty("2024-12-31T17:00:00"), 2, KZ)).toEqual(almaty("2025-01-05T10:00:00"));
  });

  it("runs across New Year: 1, 2 and 7 January are off", () => {
    // Wednesday 31 Dec 2025 16:00 + 4 h: 2 h that day, 1–2 Jan off, 3–4 weekend, Monday 5 Jan 11:00.
    expect(addWorkingHours(almaty("2025-12-31T16:00:00"), 4, KZ)).toEqual(almaty("2026-01-05T11:00:00"));
    // 5 and 6 January are 18 hours; 7 January is off; the 19th hour ends at 10:00 on the 8th.
    expect(addWorkingHours(almaty("2026-01-05T09:00:00"), 19, KZ)).toEqual(almaty("2026-01-08T10:00:00"));
  });

  it("a long target spans weeks and holidays", () => {
    // 1 April 2026 09:00 + 20 working days of 9 h: April has 22 working days (no holidays in April).
    expect(addWorkingHours(almaty("2026-04-01T09:00:00"), 20 * 9, KZ)).toEqual(almaty("2026-04-28T18:00:00"));
    // From 28 April: 29, 30 April; 1 May off; 4, 5, 6 May; 7 May off; 8 May; 11 May off; 12 May.
    expect(addWorkingHours(almaty("2026-04-28T18:00:00"), 7 * 9, KZ)).toEqual(almaty("2026-05-12T18:00:00"));
  });

  it("uses the company's working hours", () => {
    const cal = { ...KZ, dayStartMinute: 8 * 60 + 30, dayEndMinute: 17 * 60 + 30 };
    expect(addWorkingHours(almaty("2026-03-20T17:00:00"), 1, cal)).toEqual(almaty("2026-03-26T09:00:00"));
    expect(isWorkingTime(almaty("2026-04-01T08:45:00"), cal)).toBe(true);
    expect(isWorkingTime(almaty("2026-04-01T17:45:00"), cal)).toBe(false);
  });

  it("zero adds nothing, and broken working hours are refused", () => {
    const at = almaty("2026-03-21T12:00:00");
    expect(addWorkingMillis(at, 0, KZ)).toEqual(at);
    expect(() => addWorkingHours(at, 1, { ...KZ, dayStartMinute: 1080, dayEndMinute: 540 })).toThrow(RangeError);
  });

  it("follows the zone's offset, also across a daylight-saving change", () => {
    // Before 2024-03-01 Almaty was UTC+6: 09:00 local was 03:00 UTC.
    expect(addWorkingHours(new Date("2024-02-20T00:00:00Z"), 1, KZ)).toEqual(new Date("2024-02-20T04:00:00Z"));
    // Berlin moves to summer time on Sunday 29 March 2026; Monday's 09:00 is 07:00 UTC.
    const berlin: WorkingCalendar = { ...buildWorkingCalendar([]), timeZone: "Europe/Berlin" };
    expect(addWorkingHours(new Date("2026-03-27T16:00:00Z"), 2, berlin)).toEqual(new Date("2026-03-30T08:00:00Z"));
  });
});

describe("isWorkingTime", () => {
  it("is true from 09:00 to just before 18:00 on working days only", () => {
    expect(isWorkingTime(almaty("2026-03-20T09:00:00"), KZ)).toBe(true);
    expect(isWorkingTime(almaty("2026-03-20T17:59:59"), KZ)).toBe(true);
    expect(isWorkingTime(almaty("2026-03-20T18:00:00"), KZ)).toBe(false);
    expect(isWorkingTime(almaty("2026-03-20T08:59:59"), KZ)).toBe(false);
    expect(isWorkingTime(almaty("2026-03-24T12:00:00"), KZ)).toBe(false);
    expect(isWorkingTime(almaty("2025-01-05T12:00:00"), KZ)).toBe(true);
  });
});

describe("workingMillisBetween", () => {
  it("counts only working time, and nothing backwards", () => {
    expect(workingMillisBetween(almaty("2026-03-20T17:30:00"), almaty("2026-03-26T16:30:00"), KZ)).toBe(8 * HOUR);
    expect(workingMillisBetween(almaty("2026-03-21T00:00:00"), almaty("2026-03-25T23:59:00"), KZ)).toBe(0);
    expect(workingMillisBetween(almaty("2026-03-26T16:30:00"), almaty("2026-03-20T17:30:00"), KZ)).toBe(0);
    expect(workingMillisBetween(almaty("2026-04-01T10:00:00"), almaty("2026-04-01T10:00:00"), KZ)).toBe(0);
  });

  it("is the inverse of addWorkingMillis", () => {
    const start = almaty("2026-12-15T15:20:00");
    const due = addWorkingMillis(start, 13 * HOUR + 17 * 60_000, KZ);
    // 15 Dec: 2 h 40 min; 16 Dec off; 17 Dec: 9 h; 18 Dec: 1 h 37 min → 10:37.
    expect(due).toEqual(almaty("2026-12-18T10:37:00"));
    expect(workingMillisBetween(start, due, KZ)).toBe(13 * HOUR + 17 * 60_000);
  });

  it("a paused clock resumes with what was left", () => {
    const created = almaty("2026-03-20T16:00:00");
    const paused = almaty("2026-03-20T17:00:00"); // waiting for the Partner from here
    const resumed = almaty("2026-03-27T12:00:00"); // the Partner replied
    const used = workingMillisBetween(created, paused, KZ);
    const due = addWorkingMillis(resumed, 8 * HOUR - used, KZ);
    expect(due).toEqual(almaty("2026-03-30T10:00:00"));
  });
});

describe("property checks over random starts in 2025–2027", () => {
  const rnd = random(20260320);
  const from = Date.parse("2025-01-01T00:00:00Z");
  const span = Date.parse("2027-12-01T00:00:00Z") - from;
  const starts = Array.from({ length: 400 }, () => new Date(from + Math.floor(rnd() * span)));
  const amounts = starts.map(() => Math.floor(rnd() * 120 * HOUR));

  it("adding then measuring gives back the same amount", () => {
    for (const [i, start] of starts.entries()) {
      const due = addWorkingMillis(start, amounts[i]!, KZ);
      expect(workingMillisBetween(start, due, KZ), `${start.toISOString()} + ${amounts[i]}`).toBe(amounts[i]);
    }
  });

  it("a positive target always ends inside working time or at a day's end, never before its start", () => {
    for (const [i, start] of starts.entries()) {
      const due = addWorkingMillis(start, amounts[i]! + 1, KZ);
      expect(due.getTime()).toBeGreaterThan(start.getTime());
      const justBefore = new Date(due.getTime() - 1);
      expect(isWorkingTime(justBefore, KZ), due.toISOString()).toBe(true);
    }
  });

  it("adding in two parts equals adding at once", () => {
    for (const [i, start] of starts.entries()) {
      const part = Math.floor(amounts[i]! / 3);
      const twice = addWorkingMillis(addWorkingMillis(start, part, KZ), amounts[i]! - part, KZ);
      const once = addWorkingMillis(start, amounts[i]!, KZ);
      // Splitting at a day's end may move the rest to the next morning; the measured amount is the same.
      expect(workingMillisBetween(start, twice, KZ)).toBe(amounts[i]);
      if (part > 0 && amounts[i]! - part > 0) expect(twice.getTime()).toBeGreaterThanOrEqual(once.getTime());
    }
  });

  it("measuring is additive over any split point", () => {
    for (const [i, start] of starts.entries()) {
      const end = new Date(start.getTime() + amounts[i]! * 3);
      const mid = new Date(start.getTime() + Math.floor(rnd() * amounts[i]! * 3));
      expect(workingMillisBetween(start, mid, KZ) + workingMillisBetween(mid, end, KZ)).toBe(
        workingMillisBetween(start, end, KZ),
      );
    }
  });
});
