import { getDb } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { JOB_SCHEMA } from "./boss";

export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobFailure {
  id: string;
  queue: string;
  error: string;
  failedAt: Date;
  attempts: number;
}

export interface JobHealth {
  /** Jobs in the queue table by state, all queues together. */
  counts: Record<JobState, number>;
  /** The same per queue. */
  queues: Record<string, Record<JobState, number>>;
  /** The newest failed jobs (retries used up), newest first. */
  failures: JobFailure[];
  /** The oldest job waiting to run, when one is overdue by more than a minute (stuck workers). */
  oldestWaitingSince: Date | null;
}

const zero = () => Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;

/** The job queue at a glance, for the operators' back office. */
export async function getJobHealth(
  failureLimit = 10,
  db: Pick<PrismaClient, "$queryRawUnsafe"> = getDb(),
): Promise<JobHealth> {
  const rows = await db.$queryRawUnsafe<{ name: string; state: JobState; count: number }[]>(
    `SELECT name, state::text AS state, count(*)::int AS count FROM ${JOB_SCHEMA}.job
     WHERE name NOT LIKE '\\_\\_pgboss\\_\\_%' GROUP BY name, state`,
  );
  const failed = await db.$queryRawUnsafe<
    { id: string; name: string; error: string | null; failedAt: Date; attempts: number }[]
  >(
    `SELECT id::text, name, COALESCE(output->>'message', output::text) AS error,
            completed_on AS "failedAt", retry_count + 1 AS attempts
     FROM ${JOB_SCHEMA}.job WHERE state = 'failed' ORDER BY completed_on DESC LIMIT $1`,
    failureLimit,
  );
  const [waiting] = await db.$queryRawUnsafe<{ since: Date | null }[]>(
    `SELECT min(start_after) AS since FROM ${JOB_SCHEMA}.job
     WHERE state IN ('created', 'retry') AND start_after < now() - interval '1 minute'`,
  );
  const counts = zero();
  const queues: Record<string, Record<JobState, number>> = {};
  for (const row of rows) {
    counts[row.state] += row.count;
    (queues[row.name] ??= zero())[row.state] = row.count;
  }
  return {
    counts,
    queues,
    failures: failed.map((f) => ({
      id: f.id,
      queue: f.name,
      error: (f.error ?? "").slice(0, 500),
      failedAt: f.failedAt,
      attempts: f.attempts,
    })),
    oldestWaitingSince: waiting?.since ?? null,
  };
}
