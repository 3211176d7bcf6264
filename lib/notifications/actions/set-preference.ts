import { defineAction } from "@/lib/actions/define-action";
import { setPreferenceSchema } from "../schemas";

/** A person turns one kind's SMS or e-mail copy on or off (essential SMS stay on: see kinds.ts). */
export const setNotificationPreference = defineAction({
  name: "notifications.setPreference",
  input: setPreferenceSchema,
  access: "self",
  audit: "notification.preferences_changed",
  async handler({ input, tx, actor }) {
    await tx.notificationPreference.upsert({
      where: { personId_kind_channel: { personId: actor.personId, kind: input.kind, channel: input.channel } },
      create: { personId: actor.personId, kind: input.kind, channel: input.channel, enabled: input.enabled },
      update: { enabled: input.enabled },
    });
    return {
      data: input,
      audit: { targetType: "person", targetId: actor.personId, details: { ...input, via: "settings" } },
    };
  },
});
