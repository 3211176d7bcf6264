import type { z } from "zod";
import { emailPayload, smsPayload } from "./payloads";

/**
 * Every background job, in one place: its payload schema, its queue's retry and expiry policy,
 * and a lazily loaded handler (so the migration step can read the queues without loading the app).
 * A change enqueues a job inside its own transaction (lib/jobs/enqueue.ts).
 */
export interface QueuePolicy {
  /** Attempts after the first; each waits about twice as long as the one before (jittered). */
  retryLimit: number;
  /** Seconds before the first retry; doubled on each further retry. */
  retryDelay: number;
  /** A job running longer than this is treated as lost (its worker died) and retried. */
  expireInSeconds: number;
}

export interface JobDefinition<S extends z.ZodType> {
  payload: S;
  queue: QueuePolicy;
  handler: () => Promise<(payload: z.output<S>) => Promise<void>>;
}

const defineJob = <S extends z.ZodType>(definition: JobDefinition<S>) => definition;

export const JOBS = {
  "sms.send": defineJob({
    payload: smsPayload,
    queue: { retryLimit: 5, retryDelay: 10, expireInSeconds: 60 },
    handler: async () => (await import("./handlers/send-sms")).sendSmsJob,
  }),
  "email.send": defineJob({
    payload: emailPayload,
    queue: { retryLimit: 5, retryDelay: 30, expireInSeconds: 120 },
    handler: async () => (await import("./handlers/send-email")).sendEmailJob,
  }),
};

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.input<(typeof JOBS)[N]["payload"]>;

/**
 * Periodic jobs: one entry each, e.g. `{ job: "audit.checkpoint", cron: "0 * * * *" }` for an
 * hourly one. Workers keep pg-boss's schedule table equal to this list (one run per tick across
 * all instances).
 */
export interface ScheduleEntry {
  job: JobName;
  /** Five-field cron, evaluated in `tz`. */
  cron: string;
  tz?: string;
  data?: Record<string, unknown>;
}

export const SCHEDULES: ScheduleEntry[] = [];

export const JOB_NAMES = Object.keys(JOBS) as JobName[];
