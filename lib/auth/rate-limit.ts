import type { Sql } from "@/lib/db/sql";

/**
 * Fixed-window counters in PostgreSQL, shared by every app instance. They count inside the
 * caller's transaction, so a rolled-back attempt (e.g. the SMS gateway failed) uses up nothing.
 */
function windowOf(at: Date, windowMs: number) {
  const start = new Date(Math.floor(at.getTime() / windowMs) * windowMs);
  return { start, resetAt: new Date(start.getTime() + windowMs) };
}

/** A counter's key and current window, for statements that read or count it on the way. */
export function rateWindow(key: string, windowMs: number, at: Date): { key: string; windowStart: Date; resetAt: Date } {
  const { start, resetAt } = windowOf(at, windowMs);
  return { key, windowStart: start, resetAt };
}

/** Counts one hit; returns the count including it and when the window ends. */
export async function hitRateLimit(
  sql: Sql,
  key: string,
  windowMs: number,
  at: Date,
): Promise<{ count: number; resetAt: Date }> {
  const { start, resetAt } = windowOf(at, windowMs);
  const [row] = await sql.query<{ count: number }>(
    `INSERT INTO rate_limit_bucket (key, "windowStart", count) VALUES ($1, $2::timestamp(3), 1)
     ON CONFLICT (key, "windowStart") DO UPDATE SET count = rate_limit_bucket.count + 1
     RETURNING count`,
    [key, start],
  );
  return { count: row?.count ?? 1, resetAt };
}

export function secondsUntil(moment: Date, from: Date): number {
  return Math.max(1, Math.ceil((moment.getTime() - from.getTime()) / 1000));
}
