import type { Prisma } from "@/lib/generated/prisma/client";
import type PgBoss from "pg-boss";
import { createBoss, transactionExecutor } from "./boss";
import { JOBS, type JobName, type JobPayload } from "./registry";

export interface EnqueueOptions {
  /** Seconds to wait before the first run. */
  startAfterSeconds?: number;
  /** Overrides the queue's expiry (tests of a worker that dies). */
  expireInSeconds?: number;
  /** Overrides the queue's first retry delay. */
  retryDelay?: number;
  /** Overrides the queue's number of retries. */
  retryLimit?: number;
}

// Builds pg-boss's statements once; each send runs them on the caller's transaction (options.db).
let sender: PgBoss | undefined;
const noDefaultExecutor = {
  executeSql: async (): Promise<never> => {
    throw new Error("jobs are enqueued on a transaction only");
  },
};

/**
 * Adds a job in the transaction of the change that causes it: committed together, or (rolled
 * back) never run. The payload is checked against the job's schema here, so a bad payload fails
 * the change instead of failing later in a worker.
 */
export async function enqueueJob<N extends JobName>(
  tx: Prisma.TransactionClient,
  name: N,
  payload: JobPayload<N>,
  options: EnqueueOptions = {},
): Promise<string> {
  const data = JOBS[name].payload.parse(payload) as object;
  sender ??= createBoss(noDefaultExecutor);
  const id = await sender.send(name, data, {
    db: transactionExecutor(tx),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    ...(options.expireInSeconds ? { expireInSeconds: options.expireInSeconds } : {}),
    ...(options.retryDelay ? { retryDelay: options.retryDelay } : {}),
    ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
  });
  if (!id) throw new Error(`job ${name} was not enqueued`);
  return id;
}
