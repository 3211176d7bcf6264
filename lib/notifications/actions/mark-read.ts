import { defineAction } from "@/lib/actions/define-action";
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
    return {
      data: { marked: count },
      audit: { targetType: "person", targetId: actor.personId, details: { marked: count, all: Boolean(input.all) } },
    };
  },
});
