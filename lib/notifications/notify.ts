import type { Prisma } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { plainName } from "@/lib/sms/plain-text";
import { PG_CHANNEL, defaultEnabled, type NotificationChannel, type NotificationKind } from "./kinds";
import { appUrl, unsubscribeUrl } from "./token";

export interface NotificationInput {
  /** Who is told; duplicates and the actor themselves should be left out by the caller. */
  personIds: readonly string[];
  kind: NotificationKind;
  partnerId?: string | null;
  /** Values for the kind's text (strings only: they are shown as they are). */
  params: Record<string, string>;
  /** An app path, e.g. /cabinet/requests/<id>; each person's own place decides which. */
  link: string;
}

/** The text of a notification in a language: "notifications.kinds.<kind>" with its params. */
export function notificationText(locale: string, kind: string, params: unknown): string {
  const values = params && typeof params === "object" ? (params as Record<string, unknown>) : {};
  const strings = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v ?? "")]));
  try {
    const key = `notifications.kinds.${kind}`;
    const text = translator(locale)(key as never, strings as never) as string;
    // The translator answers the key itself when a text cannot be made (an unknown kind, a missing value).
    if (text === key || text.endsWith(`.${kind}`)) throw new Error(`no text for ${kind}`);
    return text;
  } catch {
    return translator(locale)("notifications.kinds.unknown" as never);
  }
}

/**
 * Tells people something happened, in the transaction of the change that caused it: one in-app
 * notification each, then the SMS and e-mail copies each person's preferences ask for (defaults in
 * lib/notifications/kinds.ts) as jobs, and a `pg_notify` per person that PostgreSQL delivers to
 * the live streams of every app instance when the transaction commits (nothing if it rolls back).
 */
export async function notify(tx: Prisma.TransactionClient, input: NotificationInput): Promise<void> {
  const personIds = [...new Set(input.personIds)];
  if (personIds.length === 0) return;
  await tx.notification.createMany({
    data: personIds.map((personId) => ({
      personId,
      partnerId: input.partnerId ?? null,
      kind: input.kind,
      params: input.params,
      link: input.link,
    })),
  });
  const [people, choices] = await Promise.all([
    tx.person.findMany({
      where: { id: { in: personIds } },
      select: { id: true, phone: true, email: true, locale: true },
    }),
    tx.notificationPreference.findMany({
      where: { personId: { in: personIds }, kind: input.kind },
      select: { personId: true, channel: true, enabled: true },
    }),
  ]);
  const wants = (personId: string, channel: NotificationChannel) =>
    choices.find((c) => c.personId === personId && c.channel === channel)?.enabled ??
    defaultEnabled(input.kind, channel);

  for (const person of people) {
    const t = translator(person.locale);
    if (wants(person.id, "SMS")) {
      // Names typed by users go into an SMS as plain words only; the one link is the app's own.
      const plain = Object.fromEntries(Object.entries(input.params).map(([k, v]) => [k, plainName(v, 120)]));
      const text = `${notificationText(person.locale, input.kind, plain)} ${appUrl(input.link)}`;
      await enqueueJob(tx, "sms.send", { to: person.phone, text: text.slice(0, 1000) });
    }
    if (person.email && wants(person.id, "EMAIL")) {
      const text = notificationText(person.locale, input.kind, input.params);
      await enqueueJob(tx, "email.send", {
        to: person.email,
        subject: text.replace(/\s+/g, " ").slice(0, 300),
        text: t(
          "notifications.email.body" as never,
          {
            text,
            link: appUrl(input.link),
            unsubscribe: unsubscribeUrl(person.id, input.kind),
          } as never,
        ),
      });
    }
  }
  await tx.$executeRaw`SELECT pg_notify(${PG_CHANNEL}, p) FROM unnest(${personIds}::text[]) AS p`;
}
