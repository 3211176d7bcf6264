import { getDb } from "@/lib/db/client";

/** Per-IP windows are at most an hour long; a day later their counters mean nothing. */
const KEEP_MS = 24 * 60 * 60_000;

/** Deletes rate-limit counters of windows that ended long ago (hourly). */
export async function purgeRateLimitsJob(): Promise<void> {
  await getDb().rateLimitBucket.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - KEEP_MS) } } });
}
