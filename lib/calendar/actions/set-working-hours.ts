import { defineAction } from "@/lib/actions/define-action";
import { notFound } from "@/lib/errors/app-error";
import { minutesToClock, setWorkingHoursSchema } from "../schemas";

/**
 * An admin sets an outsourcing company's working hours (Asia/Almaty): the due times of its
 * requests are counted in them from now on. Kept with the calendar's right, the one that governs
 * how working time is counted.
 */
export const setWorkingHours = defineAction({
  name: "admin.setWorkingHours",
  input: setWorkingHoursSchema,
  access: { operator: "platform.calendar.manage" },
  audit: "company.working_hours_changed",
  async handler({ input, tx }) {
    const before = await tx.outsourcingCompany.findUnique({
      where: { id: input.companyId },
      select: { workdayStartMinute: true, workdayEndMinute: true },
    });
    if (!before) throw notFound();
    await tx.outsourcingCompany.update({
      where: { id: input.companyId },
      data: { workdayStartMinute: input.start, workdayEndMinute: input.end },
    });
    return {
      data: { companyId: input.companyId, start: input.start, end: input.end },
      audit: {
        targetType: "outsourcing_company",
        targetId: input.companyId,
        details: {
          from: `${minutesToClock(before.workdayStartMinute)}–${minutesToClock(before.workdayEndMinute)}`,
          to: `${minutesToClock(input.start)}–${minutesToClock(input.end)}`,
        },
      },
    };
  },
});
