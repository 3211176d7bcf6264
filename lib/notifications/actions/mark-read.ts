import { defineAction } from "@/lib/actions/define-action";
import { PG_CHANNEL } from "../kinds";
import { markReadSchema } from "../schemas";

/** A person marks some or all of their own notifications read; others' ids match nothing. */
export const markNotificationsRead = defineAction({
  name: "notifications.markRead",
  input: markReadSchema,
  access: "self",
  audit: "notification.read",
  async handler({ input, tx, actor }) {
    const { count } = await tx.notification.updateMany({
      where: { personId: actor.personId, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
      data: { readAt: new Date() },
    });
    // The person's other tabs and devices update their bell too (delivered on commit).
    if (count > 0) await tx.$executeRaw`SELECT pg_notify(${PG_CHANNEL}, ${actor.personId})`;
    return {
      data: { marked: count },
      audit: { targetType: "person", targetId: actor.personId, details: { marked: count, all: Boolean(input.all) } },
    };
  },
});
