import { getDb } from "@/lib/db/client";

/** The outbox provider's stored messages, newest first (development and tests only). */
export async function readSmsOutbox(phone: string | null, limit: number) {
  const rows = await getDb().smsMessage.findMany({
    where: phone ? { to: phone } : {},
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { to: true, text: true, createdAt: true },
  });
  return rows.map((r) => ({ to: r.to, text: r.text, createdAt: r.createdAt.toISOString() }));
}
