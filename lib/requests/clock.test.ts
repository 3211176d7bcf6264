import { describe, expect, it } from "vitest";
import { HOUR_MS, isOverdue, markResponded, pauseClock, resumeClock, startClock, type WorkingCalendar } from "./clock";

/** Every weekday 09:00–18:00 Almaty (UTC+5), no holidays: the request rules, not the calendar's. */
const cal: WorkingCalendar = {
  daysOff: new Set(),
  workingWeekends: new Set(),
  dayStartMinute: 540,
  dayEndMinute: 1080,
  timeZone: "Asia/Almaty",
};
/** A local Almaty time as an instant. */
const at = (local: string) => new Date(`${local}+05:00`);
const target = { firstResponseHours: 8, resolutionHours: 40 };

describe("the request's clocks", () => {
  it("start at creation: first response and resolution in working hours; the desk sorts by the nearer", () => {
    const clock = startClock(at("2026-02-02T10:00:00"), target, cal);
    expect(clock.firstResponseDueAt).toEqual(at("2026-02-02T18:00:00"));
    // 40 h: Mon 8 + Tue 9 + Wed 9 + Thu 9 = 35, Fri 5 → Fri 14:00.
    expect(clock.resolutionDueAt).toEqual(at("2026-02-06T14:00:00"));
    expect(clock.dueAt).toEqual(clock.firstResponseDueAt);
  });

  it("after the first response the due time is the resolution's", () => {
    const clock = markResponded(startClock(at("2026-02-02T10:00:00"), target, cal), at("2026-02-02T11:00:00"));
    expect(clock.dueAt).toEqual(at("2026-02-06T14:00:00"));
  });

  it("waiting for the Partner stops the clock, keeping what it used; the reply resumes it with what is left", () => {
    let clock = markResponded(startClock(at("2026-02-02T10:00:00"), target, cal), at("2026-02-02T11:00:00"));
    clock = pauseClock(clock, at("2026-02-02T12:00:00"), cal);
    expect([clock.consumedMs, clock.clockStartedAt, clock.dueAt]).toEqual([2 * HOUR_MS, null, null]);
    // Two days waiting cost nothing: 38 h left from Wed 10:00 → Wed 8, Thu 9, Fri 9, Mon 9 = 35, Tue 3 → Tue 12:00.
    clock = resumeClock(clock, at("2026-02-04T10:00:00"), cal);
    expect(clock.dueAt).toEqual(at("2026-02-10T12:00:00"));
    // Wed 10:00–18:00 and Thu 09:00–10:00 count, the night between does not.
    const again = pauseClock(clock, at("2026-02-05T10:00:00"), cal);
    expect(again.consumedMs).toBe(2 * HOUR_MS + 9 * HOUR_MS);
  });

  it("a reply outside working hours resumes from the next working minute", () => {
    let clock = markResponded(startClock(at("2026-02-02T10:00:00"), target, cal), at("2026-02-02T10:30:00"));
    clock = pauseClock(clock, at("2026-02-06T17:00:00"), cal); // 8 + 9*3 + 8 = 43 h > 40: overdue on resume
    clock = resumeClock(clock, at("2026-02-07T20:00:00"), cal);
    expect(clock.dueAt).toEqual(at("2026-02-09T09:00:00"));
    expect(isOverdue(clock.dueAt, at("2026-02-09T09:01:00"))).toBe(true);
    expect(isOverdue(clock.dueAt, at("2026-02-09T08:59:00"))).toBe(false);
  });
});
