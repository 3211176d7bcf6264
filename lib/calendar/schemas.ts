import { z } from "zod";
import { CALENDAR_DAY_KINDS } from "./kinds";

const text = (max: number) => z.string().trim().max(max, { error: "too_long" });
const requiredText = (max: number) =>
  z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "too_long" });

/** A calendar date as the form sends it (YYYY-MM-DD), kept as text: it is a local date, not a moment. */
export const calendarDateSchema = z.iso.date({ error: "invalid_date" });

/** Adds a special day or changes the one already on that date. A worked day must be a Saturday or Sunday. */
export const saveCalendarDaySchema = z
  .object({
    date: calendarDateSchema,
    kind: z.enum(CALENDAR_DAY_KINDS, { error: "required" }),
    nameRu: requiredText(200),
    nameKk: text(200).optional().default(""),
    nameEn: text(200).optional().default(""),
    note: text(500)
      .optional()
      .transform((v) => v || null),
  })
  .strict()
  .superRefine((v, ctx) => {
    const weekday = new Date(`${v.date}T00:00:00Z`).getUTCDay();
    if (v.kind === "WORKING_DAY" && weekday !== 0 && weekday !== 6) {
      ctx.addIssue({ code: "custom", path: ["kind"], message: "working_day_not_weekend" });
    }
  });

export const removeCalendarDaySchema = z.object({ date: calendarDateSchema }).strict();

/** "HH:MM" → minutes after midnight; 24:00 is the end of the day. */
const clockMinutes = z
  .string({ error: "required" })
  .trim()
  .regex(/^([01]\d|2[0-4]):[0-5]\d$/, { error: "invalid_time" })
  .transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3)))
  .refine((m) => m <= 1440, { error: "invalid_time" });

/** An outsourcing company's working hours (Asia/Almaty), counted whole, no lunch break. */
export const setWorkingHoursSchema = z
  .object({ companyId: z.uuid(), start: clockMinutes, end: clockMinutes })
  .strict()
  .superRefine((v, ctx) => {
    if (v.end <= v.start) ctx.addIssue({ code: "custom", path: ["end"], message: "end_before_start" });
  });

/** The year the back office shows. */
export const calendarYearSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});

/** Minutes after midnight as "HH:MM". */
export function minutesToClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
