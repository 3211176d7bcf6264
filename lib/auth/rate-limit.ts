import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Fixed-window counter in PostgreSQL, shared by every app instance. Counts inside the caller's
 * transaction, so a rolled-back attempt (e.g. the SMS gateway failed) uses up nothing.
 * Returns the count including this hit and when the window ends.
 */
export async function hitRateLimit(
  tx: Prisma.TransactionClient,
  key: string,
  windowMs: number,
  at: Date,
): Promise<{ count: number; resetAt: Date }> {
  const windowStart = new Date(Math.floor(at.getTime() / windowMs) * windowMs);
  const [row] = await tx.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_bucket (key, "windowStart", count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = rate_limit_bucket.count + 1
    RETURNING count`;
  return { count: row?.count ?? 1, resetAt: new Date(windowStart.getTime() + windowMs) };
}

/** Reads a counter without counting. */
export async function peekRateLimit(
  tx: Prisma.TransactionClient,
  key: string,
  windowMs: number,
  at: Date,
): Promise<{ count: number; resetAt: Date }> {
  const windowStart = new Date(Math.floor(at.getTime() / windowMs) * windowMs);
  const row = await tx.rateLimitBucket.findUnique({ where: { key_windowStart: { key, windowStart } } });
  return { count: row?.count ?? 0, resetAt: new Date(windowStart.getTime() + windowMs) };
}

export function secondsUntil(moment: Date, from: Date): number {
  return Math.max(1, Math.ceil((moment.getTime() - from.getTime()) / 1000));
}
