import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors/app-error";
import { scheduleMaintenanceSchema } from "../schemas";

/**
 * An admin plans a maintenance window (001 §3.11). Windows do not overlap: the check runs under a
 * transaction-scoped advisory lock, so two operators planning at once cannot both pass it.
 */
export const scheduleMaintenance = defineAction({
  name: "maintenance.schedule",
  input: scheduleMaintenanceSchema,
  access: { operator: "platform.maintenance.manage" },
  audit: "maintenance.scheduled",
  async handler({ input, tx, actor }) {
    const at = now();
    if (input.endsAt <= at) throw new AppError("invalid_input", "invalid_input", { endsAt: ["ends_in_past"] });
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('maintenance_window'))`;
    const overlapping = await tx.maintenanceWindow.findFirst({
      where: { cancelledAt: null, startsAt: { lt: input.endsAt }, endsAt: { gt: input.startsAt } },
      select: { id: true },
    });
    if (overlapping) throw new AppError("conflict", "invalid_input", { startsAt: ["overlaps_window"] });
    const window = await tx.maintenanceWindow.create({
      data: {
        announceFrom: input.announceFrom,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        messageRu: input.messageRu ?? null,
        messageKk: input.messageKk ?? null,
        messageEn: input.messageEn ?? null,
        createdById: actor.personId,
      },
      select: { id: true },
    });
    return {
      data: { windowId: window.id },
      audit: {
        targetType: "maintenance_window",
        targetId: window.id,
        details: {
          announceFrom: input.announceFrom.toISOString(),
          startsAt: input.startsAt.toISOString(),
          endsAt: input.endsAt.toISOString(),
          languages: [input.messageRu && "ru", input.messageKk && "kk", input.messageEn && "en"].filter(Boolean),
        },
      },
    };
  },
});
