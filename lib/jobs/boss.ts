import PgBoss from "pg-boss";
import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

/** pg-boss keeps its tables in this schema, installed by the migration step (lib/jobs/install.ts). */
export const JOB_SCHEMA = "pgboss";

/** Failed jobs stay in the job table (and on the back-office health page) this long. */
const KEEP_FAILED_SECONDS = 7 * 24 * 3600;

export type Executor = PgBoss.Db;

/**
 * Runs pg-boss's statements on the caller's Prisma interactive transaction, so a job is written
 * together with the change that causes it, or not at all.
 */
export function transactionExecutor(tx: Prisma.TransactionClient): Executor {
  return {
    async executeSql(text, values = []) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values.map(toParam));
      return { rows };
    },
  };
}

/** pg-boss's statements on an existing pool or client (the app's own: no second pool). */
export function poolExecutor(pool: pg.Pool | pg.ClientBase): Executor {
  return {
    async executeSql(text, values) {
      return pool.query(text, values);
    },
  };
}

// pg serialises objects and undefined itself; Prisma's raw parameters need them spelled out.
function toParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

/**
 * A pg-boss instance on the given executor. It never installs or migrates its schema (the app's
 * database role may lack the right to): `migrate: false` only checks the version.
 */
export function createBoss(db: Executor, options: { schedule?: boolean; supervise?: boolean } = {}): PgBoss {
  return new PgBoss({
    db,
    schema: JOB_SCHEMA,
    migrate: false,
    schedule: options.schedule ?? false,
    supervise: options.supervise ?? false,
    archiveFailedAfterSeconds: KEEP_FAILED_SECONDS,
    maintenanceIntervalSeconds: Number(process.env.JOBS_MAINTENANCE_SECONDS ?? 30),
  });
}
