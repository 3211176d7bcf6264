import type PgBoss from "pg-boss";
import { getPool } from "@/lib/db/client";
import { createBoss, poolExecutor } from "./boss";
import { JOBS, JOB_NAMES, scheduledJobs, type JobName } from "./registry";

const globalForJobs = globalThis as unknown as { partnerCabinetWorkers?: Promise<PgBoss> };

/** Runs one job: its payload is checked again, since rows in the queue outlive code versions. */
export async function runJob(name: JobName, data: unknown): Promise<void> {
  const definition = JOBS[name];
  const payload = definition.payload.parse(data);
  const handler = await definition.handler();
  await (handler as (payload: unknown) => Promise<void>)(payload);
}

/**
 * Starts the workers of this process once: every registered queue, the schedule of periodic
 * jobs, and pg-boss's maintenance (expiring jobs whose worker died, archiving, purging). They
 * share the app's pool, which on the embedded database is its single connection.
 *
 * A worker takes its queue's batch of jobs, runs them side by side, and fails only those that
 * threw (pg-boss retries them; the rest complete). While a queue has work its worker fetches again
 * at once; only an empty fetch waits the polling interval.
 */
export function startWorkers(options: { pollingIntervalSeconds?: number } = {}): Promise<PgBoss> {
  globalForJobs.partnerCabinetWorkers ??= (async () => {
    const boss = createBoss(poolExecutor(getPool()), { schedule: true, supervise: true });
    boss.on("error", (error: Error) => console.error(`[jobs] ${error.message}`));
    await boss.start();
    for (const name of JOB_NAMES) {
      const batchSize = JOBS[name].queue.batchSize ?? 1;
      let workerId = "";
      workerId = await boss.work(
        name,
        { batchSize, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
        async (jobs) => {
          const results = await Promise.allSettled(jobs.map((job) => runJob(name, job.data)));
          for (const [i, result] of results.entries()) {
            if (result.status === "fulfilled") continue;
            const job = jobs[i]!;
            const error = result.reason;
            // The error goes into the job row (visible in getJobHealth) and the log; pg-boss retries.
            console.error(`[jobs] ${name} ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
            await boss.fail(name, job.id, error instanceof Error ? error : { message: String(error) });
          }
          // A full batch means more may wait: skip the polling pause.
          if (jobs.length === batchSize && workerId) boss.notifyWorker(workerId);
        },
      );
    }
    await syncSchedules(boss);
    return boss;
  })();
  return globalForJobs.partnerCabinetWorkers;
}

/** Stops this process's workers, waiting up to `timeoutMs` for running jobs. */
export async function stopWorkers(timeoutMs = 10_000): Promise<void> {
  const running = globalForJobs.partnerCabinetWorkers;
  globalForJobs.partnerCabinetWorkers = undefined;
  if (!running) return;
  const boss = await running;
  await boss.stop({ graceful: true, timeout: timeoutMs, close: false });
}

/** Makes pg-boss's schedule table equal to the registry's schedules (ordinary rows, no DDL). */
async function syncSchedules(boss: PgBoss): Promise<void> {
  const wanted = new Map(scheduledJobs().map((s) => [s.name as string, s.schedule]));
  for (const existing of await boss.getSchedules()) {
    if (!wanted.has(existing.name)) await boss.unschedule(existing.name);
  }
  for (const [name, schedule] of wanted) {
    await boss.schedule(name, schedule.cron, {}, schedule.tz ? { tz: schedule.tz } : {});
  }
}

/**
 * Runs every job of a queue that is due now, one at a time, in this process (tests and the
 * development outbox): the same fetch, handler and completion as a worker.
 */
export async function drainJobs(name: JobName): Promise<{ completed: number; failed: number }> {
  const boss = createBoss(poolExecutor(getPool()));
  let completed = 0;
  let failed = 0;
  for (;;) {
    const [job] = await boss.fetch<object>(name, { batchSize: 1 });
    if (!job) return { completed, failed };
    try {
      await runJob(name, job.data);
      await boss.complete(name, job.id);
      completed += 1;
    } catch (error) {
      await boss.fail(name, job.id, error instanceof Error ? error : { message: String(error) });
      failed += 1;
    }
  }
}
