import { defineAction } from "@/lib/actions/define-action";
import { dateKey, dateValue } from "../queries";
import { saveCalendarDaySchema } from "../schemas";

/**
 * An operator adds a special day to the working calendar or changes the one on that date (issue 9
 * §3, issue 11 §4): a holiday, a transfer day off, or a weekend day made working. Due times computed
 * from now on follow it; the audit row keeps what the day was before.
 */
export const saveCalendarDay = defineAction({
  name: "admin.saveCalendarDay",
  input: saveCalendarDaySchema,
  access: { operator: "platform.calendar.manage" },
  audit: "calendar.day_saved",
  async handler({ input, tx }) {
    const date = dateValue(input.date);
    const fields = {
      kind: input.kind,
      nameRu: input.nameRu,
      nameKk: input.nameKk,
      nameEn: input.nameEn,
      note: input.note,
    };
    const before = await tx.calendarDay.findUnique({
      where: { date },
      select: { kind: true, nameRu: true, note: true },
    });
    const day = await tx.calendarDay.upsert({
      where: { date },
      create: { date, ...fields },
      update: fields,
      select: { id: true, date: true, kind: true },
    });
    return {
      data: { id: day.id, date: dateKey(day.date), kind: day.kind },
      audit: {
        targetType: "calendar_day",
        targetId: day.id,
        details: { date: input.date, kind: input.kind, name: input.nameRu, note: input.note, before: before ?? null },
      },
    };
  },
});
