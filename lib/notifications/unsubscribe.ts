import { writeAudit } from "@/lib/audit/write";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { TX_OPTIONS, getDb } from "@/lib/db/client";
import type { NotificationKind } from "./kinds";
import { unsubscribeSchema } from "./schemas";
import { verifyUnsubscribeToken } from "./token";

export type UnsubscribeResult =
  { ok: true; kind: NotificationKind } | { ok: false; reason: "malformed" | "forged" | "expired" | "unknown_person" };

/**
 * The one change made without a session (like login): the e-mail's signed token names the person
 * and the kind, so following the link and pressing the button turns that kind's e-mail off. One
 * transaction with its audit row; a bad token is audited as a denial and changes nothing.
 */
export async function unsubscribeByToken(raw: unknown, meta: RequestMeta): Promise<UnsubscribeResult> {
  const parsed = unsubscribeSchema.safeParse(raw);
  const check = parsed.success
    ? verifyUnsubscribeToken(parsed.data.token)
    : ({ ok: false, reason: "malformed" } as const);
  const request = { ip: meta.ip, userAgent: meta.userAgent, requestId: meta.requestId };
  return getDb().$transaction(async (tx) => {
    const person = check.ok
      ? await tx.person.findUnique({ where: { id: check.personId }, select: { id: true, phone: true } })
      : null;
    if (!check.ok || !person) {
      const reason = check.ok ? "unknown_person" : check.reason;
      await writeAudit(tx, {
        action: "notification.unsubscribed",
        outcome: "DENIED",
        ...request,
        details: { reason },
      });
      return { ok: false, reason };
    }
    await tx.notificationPreference.upsert({
      where: { personId_kind_channel: { personId: person.id, kind: check.kind, channel: "EMAIL" } },
      create: { personId: person.id, kind: check.kind, channel: "EMAIL", enabled: false },
      update: { enabled: false },
    });
    await writeAudit(tx, {
      action: "notification.unsubscribed",
      outcome: "SUCCESS",
      actorPersonId: person.id,
      actorPhone: person.phone,
      targetType: "person",
      targetId: person.id,
      ...request,
      details: { kind: check.kind, channel: "EMAIL", via: "email_link" },
    });
    return { ok: true, kind: check.kind };
  }, TX_OPTIONS);
}
