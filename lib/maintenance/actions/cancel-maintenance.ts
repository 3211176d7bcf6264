import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors/app-error";
import { cancelMaintenanceSchema } from "../schemas";

/**
 * An admin cancels a planned window, or ends a running one at once. A window already over or
 * cancelled is refused (nothing to change).
 */
export const cancelMaintenance = defineAction({
  name: "maintenance.cancel",
  input: cancelMaintenanceSchema,
  access: { operator: "platform.maintenance.manage" },
  audit: "maintenance.cancelled",
  async handler({ input, tx, actor }) {
    const at = now();
    const [window] = await tx.$queryRaw<{ startsAt: Date; endsAt: Date; cancelledAt: Date | null }[]>`
      SELECT "startsAt", "endsAt", "cancelledAt" FROM maintenance_window WHERE id = ${input.windowId}::uuid FOR UPDATE`;
    if (!window) throw notFound();
    if (window.cancelledAt || window.endsAt <= at) throw new AppError("conflict", "maintenance_not_open");
    await tx.maintenanceWindow.update({
      where: { id: input.windowId },
      data: { cancelledAt: at, cancelledById: actor.personId },
    });
    return {
      data: { windowId: input.windowId },
      audit: {
        targetType: "maintenance_window",
        targetId: input.windowId,
        details: { wasRunning: window.startsAt <= at, startsAt: window.startsAt.toISOString() },
      },
    };
  },
});
