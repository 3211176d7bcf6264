import { defineAction } from "@/lib/actions/define-action";
import { notFound } from "@/lib/errors/app-error";
import { dateValue } from "../queries";
import { removeCalendarDaySchema } from "../schemas";

/** An operator removes a special day: the date becomes an ordinary weekday or weekend day again. */
export const removeCalendarDay = defineAction({
  name: "admin.removeCalendarDay",
  input: removeCalendarDaySchema,
  access: { operator: "platform.calendar.manage" },
  audit: "calendar.day_removed",
  async handler({ input, tx }) {
    const day = await tx.calendarDay.findUnique({
      where: { date: dateValue(input.date) },
      select: { id: true, kind: true, nameRu: true, note: true },
    });
    if (!day) throw notFound();
    await tx.calendarDay.delete({ where: { id: day.id } });
    return {
      data: { date: input.date },
      audit: {
        targetType: "calendar_day",
        targetId: day.id,
        details: { date: input.date, before: { kind: day.kind, nameRu: day.nameRu, note: day.note } },
      },
    };
  },
});
