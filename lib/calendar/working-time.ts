/**
 * Working time on a production calendar (issue 9 §3, 001 §5.1): due times of requests are counted in
 * working hours, skipping weekends, public holidays and transfer days off, and counting weekend days
 * that a transfer made working. Pure: no database, no environment; the zone math goes through Intl,
 * so a zone's offset changes (Asia/Almaty +06 → +05 on 2024-03-01) are followed, not hard-coded.
 */

export interface WorkingCalendar {
  /** Weekdays that are not worked: public holidays and transfer days off (YYYY-MM-DD, local date). */
  daysOff: ReadonlySet<string>;
  /** Saturdays and Sundays that are worked (transfers). */
  workingWeekends: ReadonlySet<string>;
  /** Working day, minutes after local midnight: default 540 (09:00) to 1080 (18:00), no lunch break. */
  dayStartMinute: number;
  dayEndMinute: number;
  /** IANA zone of the local dates and hours; "Asia/Almaty". */
  timeZone: string;
}

export const DEFAULT_TIME_ZONE = "Asia/Almaty";
export const DEFAULT_DAY_START_MINUTE = 540;
export const DEFAULT_DAY_END_MINUTE = 1080;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** No calendar skips more than this many days in a row; past it the calendar is broken. */
const MAX_DAYS_WITHOUT_WORK = 400;

/** A local calendar date as numbers (month 1–12). */
interface LocalDate {
  y: number;
  m: number;
  d: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of a moment in a zone. */
function wallClock(ms: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return { y: parts.year!, m: parts.month!, d: parts.day!, h: parts.hour! % 24, min: parts.minute!, s: parts.second! };
}

/** The zone's offset from UTC at a moment, in milliseconds (whole seconds). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Pure results of localToUtc, so long spans do not ask Intl again for every day; bounded. */
const utcCache = new Map<string, number>();
const UTC_CACHE_LIMIT = 20_000;

/** The moment a local date's minute begins in the zone (a skipped local time maps past the gap). */
function localToUtc(date: LocalDate, minute: number, timeZone: string): number {
  const key = `${timeZone}|${date.y}-${date.m}-${date.d}|${minute}`;
  const cached = utcCache.get(key);
  if (cached !== undefined) return cached;
  if (utcCache.size >= UTC_CACHE_LIMIT) utcCache.clear();
  const value = computeLocalToUtc(date, minute, timeZone);
  utcCache.set(key, value);
  return value;
}

function computeLocalToUtc(date: LocalDate, minute: number, timeZone: string): number {
  const naive = Date.UTC(date.y, date.m - 1, date.d) + minute * MINUTE_MS;
  const first = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(first, timeZone);
  return second;
}

function localDateOf(ms: number, timeZone: string): LocalDate {
  const w = wallClock(ms, timeZone);
  return { y: w.y, m: w.m, d: w.d };
}

function nextDate(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.y, date.m - 1, date.d) + DAY_MS);
  return { y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() };
}

/** YYYY-MM-DD of a local date. */
export function isoDate(date: LocalDate): string {
  return `${String(date.y).padStart(4, "0")}-${String(date.m).padStart(2, "0")}-${String(date.d).padStart(2, "0")}`;
}

/** The local date (YYYY-MM-DD) of a moment in the zone. */
export function localIsoDate(at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return isoDate(localDateOf(at.getTime(), timeZone));
}

/** True when the local date is worked: a weekday not off, or a weekend day made working. */
export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  if (cal.daysOff.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return cal.workingWeekends.has(date);
  return true;
}

function checkCalendar(cal: WorkingCalendar): void {
  const { dayStartMinute: start, dayEndMinute: end } = cal;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > 1440 || start >= end) {
    throw new RangeError(`working hours ${start}–${end} are not a day's span`);
  }
}

/** The working window of a local date as UTC milliseconds, or null on a day not worked. */
function windowOf(date: LocalDate, cal: WorkingCalendar): [number, number] | null {
  if (!isWorkingDay(isoDate(date), cal)) return null;
  return [localToUtc(date, cal.dayStartMinute, cal.timeZone), localToUtc(date, cal.dayEndMinute, cal.timeZone)];
}

function checkMoment(at: Date, what: string): number {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid date`);
  return ms;
}

/** Adds working milliseconds (the clock resumes after a pause with what was left). */
export function addWorkingMillis(start: Date, ms: number, cal: WorkingCalendar): Date {
  checkCalendar(cal);
  const from = checkMoment(start, "start");
  if (!Number.isFinite(ms)) throw new RangeError("working time to add is not a number");
  if (ms <= 0) return new Date(from);
  let remaining = ms;
  let date = localDateOf(from, cal.timeZone);
  let idle = 0;
  for (;;) {
    const window = windowOf(date, cal);
    if (window) {
      idle = 0;
      const cursor = Math.max(from, window[0]);
      if (cursor < window[1]) {
        const available = window[1] - cursor;
        if (remaining <= available) return new Date(cursor + remaining);
        remaining -= available;
      }
    } else if (++idle > MAX_DAYS_WITHOUT_WORK) {
      throw new RangeError("the calendar has no working day ahead");
    }
    date = nextDate(date);
  }
}

/** The moment `hours` working hours after `start` (a start outside working time counts from the next working minute). */
export function addWorkingHours(start: Date, hours: number, cal: WorkingCalendar): Date {
  return addWorkingMillis(start, Math.round(hours * HOUR_MS), cal);
}

/** Working milliseconds between two moments (0 if `to` <= `from`). */
export function workingMillisBetween(from: Date, to: Date, cal: WorkingCalendar): number {
  checkCalendar(cal);
  const a = checkMoment(from, "from");
  const b = checkMoment(to, "to");
  if (b <= a) return 0;
  let total = 0;
  let date = localDateOf(a, cal.timeZone);
  const last = isoDate(localDateOf(b, cal.timeZone));
  for (;;) {
    const window = windowOf(date, cal);
    if (window) total += Math.max(0, Math.min(b, window[1]) - Math.max(a, window[0]));
    if (isoDate(date) >= last) return total;
    date = nextDate(date);
  }
}

/** True when the moment is inside working time. */
export function isWorkingTime(at: Date, cal: WorkingCalendar): boolean {
  checkCalendar(cal);
  const ms = checkMoment(at, "at");
  const window = windowOf(localDateOf(ms, cal.timeZone), cal);
  return window !== null && ms >= window[0] && ms < window[1];
}

/** A working calendar from the special days (kind HOLIDAY and DAY_OFF are off, WORKING_DAY is worked). */
export function buildWorkingCalendar(
  days: Iterable<{ date: string; kind: string }>,
  hours: Partial<Pick<WorkingCalendar, "dayStartMinute" | "dayEndMinute" | "timeZone">> = {},
): WorkingCalendar {
  const daysOff = new Set<string>();
  const workingWeekends = new Set<string>();
  for (const day of days) {
    if (day.kind === "WORKING_DAY") workingWeekends.add(day.date);
    else daysOff.add(day.date);
  }
  const cal: WorkingCalendar = {
    daysOff,
    workingWeekends,
    dayStartMinute: hours.dayStartMinute ?? DEFAULT_DAY_START_MINUTE,
    dayEndMinute: hours.dayEndMinute ?? DEFAULT_DAY_END_MINUTE,
    timeZone: hours.timeZone ?? DEFAULT_TIME_ZONE,
  };
  checkCalendar(cal);
  return cal;
}
