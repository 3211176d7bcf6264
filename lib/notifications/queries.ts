import { z } from "zod";
import { defineLoader } from "@/lib/tenancy/loader";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, canSwitchOff, defaultEnabled } from "./kinds";
import { notificationText } from "./notify";
import { listNotificationsSchema } from "./schemas";

export interface NotificationItem {
  id: string;
  kind: string;
  text: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

const PAGE = 30;

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (Number.isNaN(createdAt.getTime()) || !z.uuid().safeParse(id).success) return null;
  return { createdAt, id: id! };
}

/**
 * A person's own notifications, newest first, each text in their language; keyset pages. Only the
 * actor's own rows: the filter is the actor's id, never one from the input.
 */
export const notificationListLoader = defineLoader({
  name: "notifications.list",
  access: "self",
  input: listNotificationsSchema,
  async load({ db, actor, input }) {
    const limit = input.limit ?? PAGE;
    const after = decodeCursor(input.cursor);
    const [person, rows, unread] = await Promise.all([
      db.person.findUniqueOrThrow({ where: { id: actor.personId }, select: { locale: true } }),
      db.notification.findMany({
        where: {
          personId: actor.personId,
          ...(after
            ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
            : {}),
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: limit + 1,
      }),
      db.notification.count({ where: { personId: actor.personId, readAt: null } }),
    ]);
    const page = rows.slice(0, limit);
    const items: NotificationItem[] = page.map((row) => ({
      id: row.id,
      kind: row.kind,
      text: notificationText(person.locale, row.kind, row.params),
      link: row.link,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    }));
    return { items, nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null, unread };
  },
});

/** The bell's number: the actor's unread notifications. */
export const unreadCountLoader = defineLoader({
  name: "notifications.unread",
  access: "self",
  input: z.object({}),
  async load({ db, actor }) {
    return db.notification.count({ where: { personId: actor.personId, readAt: null } });
  },
});

/** The person's copies by SMS and e-mail per kind: their choices over the defaults. */
export const notificationPreferencesLoader = defineLoader({
  name: "notifications.preferences",
  access: "self",
  input: z.object({}),
  async load({ db, actor }) {
    const [person, choices] = await Promise.all([
      db.person.findUniqueOrThrow({ where: { id: actor.personId }, select: { email: true } }),
      db.notificationPreference.findMany({ where: { personId: actor.personId } }),
    ]);
    return {
      hasEmail: Boolean(person.email),
      kinds: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        channels: NOTIFICATION_CHANNELS.map((channel) => ({
          channel,
          enabled:
            choices.find((c) => c.kind === kind && c.channel === channel)?.enabled ?? defaultEnabled(kind, channel),
          locked: !canSwitchOff(kind, channel),
        })),
      })),
    };
  },
});
