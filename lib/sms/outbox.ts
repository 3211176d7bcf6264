import { getDb } from "@/lib/db/client";

/**
 * Whether the outbox may be read over HTTP: only with the outbox provider and SMS_OUTBOX_HTTP=1,
 * and in a production build only when SMS_OUTBOX_HTTP_IN_PRODUCTION=1 as well (the end-to-end
 * tests run the production build and set it). Every code sent is readable there, so a
 * deployment that copied a development setting must not open it by accident.
 */
export function isOutboxReadable(env: Record<string, string | undefined> = process.env): boolean {
  if (env.SMS_PROVIDER !== "outbox" || env.SMS_OUTBOX_HTTP !== "1") return false;
  return env.NODE_ENV !== "production" || env.SMS_OUTBOX_HTTP_IN_PRODUCTION === "1";
}

/** The outbox provider's stored messages to one phone, newest first (development and tests only). */
export async function readSmsOutbox(phone: string, limit: number) {
  const rows = await getDb().smsMessage.findMany({
    where: { to: phone },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { to: true, text: true, createdAt: true },
  });
  return rows.map((r) => ({ to: r.to, text: r.text, createdAt: r.createdAt.toISOString() }));
}
