/** Kinds of a special day of the working calendar (import-free, so client forms can use it). */
export const CALENDAR_DAY_KINDS = ["HOLIDAY", "DAY_OFF", "WORKING_DAY"] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
