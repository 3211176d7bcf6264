/** Kazakhstan keeps one time zone, UTC+5 all year (since 1 March 2024): months begin at 00:00 there. */
const KZ_OFFSET_MS = 5 * 3_600_000;

/** The start of the calendar month (Kazakhstan time) that holds `at`, as an instant. */
export function monthStart(at: Date): Date {
  const local = new Date(at.getTime() + KZ_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - KZ_OFFSET_MS);
}

/** The start of the next calendar month (Kazakhstan time) after `at`. */
export function nextMonthStart(at: Date): Date {
  const local = new Date(at.getTime() + KZ_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - KZ_OFFSET_MS);
}

/** The calendar year (Kazakhstan time) of `at`: invoice numbers restart with it. */
export function kzYear(at: Date): number {
  return new Date(at.getTime() + KZ_OFFSET_MS).getUTCFullYear();
}
