import { TIME_ZONE } from "@/lib/i18n/config";

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function wallParts(instant: Date) {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    y: Number(parts.year),
    mo: Number(parts.month),
    d: Number(parts.day),
    h: Number(parts.hour),
    mi: Number(parts.minute),
    s: Number(parts.second),
  };
}

/** Minutes Kazakhstan time is ahead of UTC at an instant (+300 since March 2024, +360 before). */
export function almatyOffsetMinutes(instant: Date): number {
  const w = wallParts(instant);
  const wallAsUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return Math.round((wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * The UTC instant at which a Kazakhstan calendar day starts. The offset is read from the time zone
 * database at that moment, so days before the 2024 switch to UTC+5 keep their own boundaries.
 */
export function almatyDayStartUtc(isoDate: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(y, m - 1, d);
  const offset = almatyOffsetMinutes(new Date(midnightAsUtc - 5 * 3_600_000));
  return new Date(midnightAsUtc - offset * 60_000);
}

/** The start of the following Kazakhstan day: the exclusive upper bound of a "to" date. */
export function almatyDayEndUtc(isoDate: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return almatyDayStartUtc(new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10));
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** An instant as Kazakhstan wall time with its offset, e.g. 2025-03-01T10:15:00+05:00. */
export function almatyIsoString(instant: Date): string {
  const w = wallParts(instant);
  const offset = almatyOffsetMinutes(instant);
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * An instant as Kazakhstan wall time for people, the same in every language (dd.MM.yyyy HH:mm:ss):
 * locale formats disagree (kk writes a two-digit year), and an audit record must read alike.
 */
export function almatyDisplayTime(instant: Date): string {
  const w = wallParts(instant);
  return `${pad(w.d)}.${pad(w.mo)}.${w.y} ${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}`;
}

/** A Kazakhstan calendar date (YYYY-MM-DD) as dd.MM.yyyy. */
export function displayDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}.${m}.${y}`;
}
