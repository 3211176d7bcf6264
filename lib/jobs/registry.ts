import type { z } from "zod";
import { documentVersionPayload, emailPayload, emptyPayload, smsPayload, storageKeysPayload } from "./payloads";
import { SUSPICIOUS_SCAN_CRON } from "@/lib/admin/suspicious-rules";

/**
 * Every background job, in one place: its payload schema, its queue's retry and expiry policy,
 * an optional schedule, and a lazily loaded handler (so the migration step can read the queues
 * without loading the app). A change enqueues a job inside its own transaction (lib/jobs/enqueue.ts);
 * a periodic job is one entry here with a `schedule`.
 */
export interface QueuePolicy {
  /** Attempts after the first; each waits about twice as long as the one before (jittered). */
  retryLimit: number;
  /** Seconds before the first retry; doubled on each further retry. */
  retryDelay: number;
  /** A job running longer than this is treated as lost (its worker died) and retried. */
  expireInSeconds: number;
  /**
   * Jobs a worker takes at once and runs side by side (default 1): many small jobs (an SMS each)
   * go out in batches, slow ones (a virus scan) one at a time.
   */
  batchSize?: number;
}

export interface JobSchedule {
  /** Five-field cron, in `tz` (default UTC); one run per tick across all instances. */
  cron: string;
  tz?: string;
}

export interface JobDefinition<S extends z.ZodType> {
  payload: S;
  queue: QueuePolicy;
  schedule?: JobSchedule;
  handler: () => Promise<(payload: z.output<S>) => Promise<void>>;
}

const defineJob = <S extends z.ZodType>(definition: JobDefinition<S>) => definition;

export const JOBS = {
  "sms.send": defineJob({
    payload: smsPayload,
    queue: { retryLimit: 5, retryDelay: 10, expireInSeconds: 60, batchSize: 25 },
    handler: async () => (await import("./handlers/send-sms")).sendSmsJob,
  }),
  "email.send": defineJob({
    payload: emailPayload,
    queue: { retryLimit: 5, retryDelay: 30, expireInSeconds: 120, batchSize: 10 },
    handler: async () => (await import("./handlers/send-email")).sendEmailJob,
  }),
  "document.scan": defineJob({
    payload: documentVersionPayload,
    queue: { retryLimit: 8, retryDelay: 30, expireInSeconds: 600 },
    handler: async () => (await import("./handlers/document-scan")).documentScanJob,
  }),
  "document.extract-text": defineJob({
    payload: documentVersionPayload,
    queue: { retryLimit: 3, retryDelay: 60, expireInSeconds: 600 },
    handler: async () => (await import("./handlers/document-text")).documentTextJob,
  }),
  "storage.delete-files": defineJob({
    payload: storageKeysPayload,
    queue: { retryLimit: 8, retryDelay: 60, expireInSeconds: 300 },
    handler: async () => (await import("./handlers/delete-files")).deleteFilesJob,
  }),
  "demo.purge": defineJob({
    payload: emptyPayload,
    queue: { retryLimit: 3, retryDelay: 60, expireInSeconds: 600 },
    schedule: { cron: "23 * * * *" },
    handler: async () => (await import("./handlers/demo-purge")).demoPurgeJob,
  }),
  "audit.checkpoint": defineJob({
    payload: emptyPayload,
    queue: { retryLimit: 3, retryDelay: 60, expireInSeconds: 600 },
    schedule: { cron: "7 * * * *" },
    handler: async () => (await import("./handlers/audit-checkpoint")).auditCheckpointJob,
  }),
  "maintenance.purge-rate-limits": defineJob({
    payload: emptyPayload,
    queue: { retryLimit: 3, retryDelay: 60, expireInSeconds: 300 },
    schedule: { cron: "17 * * * *" },
    handler: async () => (await import("./handlers/purge-rate-limits")).purgeRateLimitsJob,
  }),
  "security.detect-suspicious": defineJob({
    payload: emptyPayload,
    queue: { retryLimit: 2, retryDelay: 60, expireInSeconds: 240 },
    schedule: { cron: SUSPICIOUS_SCAN_CRON },
    handler: async () => (await import("./handlers/detect-suspicious")).detectSuspiciousJob,
  }),
  "requests.due": defineJob({
    payload: emptyPayload,
    queue: { retryLimit: 2, retryDelay: 60, expireInSeconds: 240 },
    schedule: { cron: "*/5 * * * *" },
    handler: async () => (await import("./handlers/request-due")).requestDueJob,
  }),
  "signatures.remind": defineJob({
    payload: emptyPayload,
    queue: { retryLimit: 2, retryDelay: 60, expireInSeconds: 240 },
    schedule: { cron: "*/5 * * * *" },
    handler: async () => (await import("./handlers/signature-remind")).signatureRemindJob,
  }),
};

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.input<(typeof JOBS)[N]["payload"]>;

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** The periodic jobs, from their `schedule`. */
export function scheduledJobs(): { name: JobName; schedule: JobSchedule }[] {
  return JOB_NAMES.flatMap((name) => {
    const schedule = (JOBS[name] as JobDefinition<z.ZodType>).schedule;
    return schedule ? [{ name, schedule }] : [];
  });
}
