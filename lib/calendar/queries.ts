import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { defineLoader } from "@/lib/tenancy/loader";
import { calendarYearSchema } from "./schemas";
import {
  DEFAULT_DAY_END_MINUTE,
  DEFAULT_DAY_START_MINUTE,
  DEFAULT_TIME_ZONE,
  buildWorkingCalendar,
  localIsoDate,
  type WorkingCalendar,
} from "./working-time";

/** Any client that can read the calendar and companies: the raw one, a transaction, a scoped one. */
type CalendarReader = Pick<Prisma.TransactionClient | PrismaClient, "calendarDay" | "outsourcingCompany">;

/** A stored DATE (UTC midnight in Prisma) as YYYY-MM-DD. */
export const dateKey = (d: Date) => d.toISOString().slice(0, 10);
/** YYYY-MM-DD as the Date Prisma writes to a DATE column. */
export const dateValue = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * The working calendar of an outsourcing company (its working hours; the defaults 09:00–18:00 when
 * `companyId` is null or unknown) with the special days whose local dates fall between `from` and
 * `to` (Asia/Almaty), both included. Pass a range that covers every day the computation may reach:
 * a due time is found by walking forward from its start, so read well past it (e.g. 90 days).
 */
export async function loadWorkingCalendar(
  db: CalendarReader,
  companyId: string | null,
  from: Date,
  to: Date,
): Promise<WorkingCalendar> {
  const first = localIsoDate(from, DEFAULT_TIME_ZONE);
  const last = localIsoDate(to < from ? from : to, DEFAULT_TIME_ZONE);
  const [days, company] = await Promise.all([
    db.calendarDay.findMany({
      where: { date: { gte: dateValue(first), lte: dateValue(last) } },
      select: { date: true, kind: true },
    }),
    companyId
      ? db.outsourcingCompany.findUnique({
          where: { id: companyId },
          select: { workdayStartMinute: true, workdayEndMinute: true },
        })
      : null,
  ]);
  return buildWorkingCalendar(
    days.map((d) => ({ date: dateKey(d.date), kind: d.kind })),
    {
      dayStartMinute: company?.workdayStartMinute ?? DEFAULT_DAY_START_MINUTE,
      dayEndMinute: company?.workdayEndMinute ?? DEFAULT_DAY_END_MINUTE,
      timeZone: DEFAULT_TIME_ZONE,
    },
  );
}

/** The year's special days for the back office, and which years hold any (for the year switcher). */
export const calendarYearLoader = defineLoader({
  name: "admin.calendar",
  access: { operator: "platform.calendar.view" },
  input: calendarYearSchema,
  async load({ input, db }) {
    const year = input.year ?? Number(localIsoDate(new Date(), DEFAULT_TIME_ZONE).slice(0, 4));
    const [days, bounds] = await Promise.all([
      db.calendarDay.findMany({
        where: { date: { gte: dateValue(`${year}-01-01`), lt: dateValue(`${year + 1}-01-01`) } },
        orderBy: { date: "asc" },
        select: { id: true, date: true, kind: true, nameRu: true, nameKk: true, nameEn: true, note: true },
      }),
      db.calendarDay.aggregate({ _min: { date: true }, _max: { date: true } }),
    ]);
    const minYear = Math.min(year, bounds._min.date?.getUTCFullYear() ?? year);
    const maxYear = Math.max(year, bounds._max.date?.getUTCFullYear() ?? year);
    const years = Array.from({ length: maxYear - minYear + 2 }, (_, i) => minYear + i);
    return { year, years, days: days.map((d) => ({ ...d, date: dateKey(d.date) })) };
  },
});
