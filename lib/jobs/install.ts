import PgBoss from "pg-boss";
import type pg from "pg";
import { JOB_SCHEMA, poolExecutor } from "./boss";
import { JOBS, JOB_NAMES } from "./registry";

// pg-boss's own queue for periodic jobs; its timekeeper cannot create it as the app role.
const SCHEDULER_QUEUE = "__pgboss__send-it";

/**
 * Installs or upgrades pg-boss's schema and creates every registered queue with its policy.
 * Runs in the migration step as the database owner, because it creates tables (one partition per
 * queue): the running app then needs only ordinary privileges on the `pgboss` tables.
 */
export async function installJobQueue(client: pg.ClientBase): Promise<void> {
  const boss = new PgBoss({
    db: poolExecutor(client),
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  // With maintenance and scheduling off, start() only installs or migrates the schema.
  await boss.start();
  // When two instances race to install (possible on the embedded database, whose connections
  // share one session and so one advisory lock), pg-boss ignores the loser's "already exists"
  // but leaves its BEGIN…COMMIT script's transaction aborted; end it. A no-op otherwise.
  await client.query("ROLLBACK");
  await boss.createQueue(SCHEDULER_QUEUE);
  for (const name of JOB_NAMES) {
    const { retryLimit, retryDelay, expireInSeconds } = JOBS[name].queue;
    const policy = { name, retryLimit, retryDelay, retryBackoff: true, expireInSeconds };
    await boss.createQueue(name, policy);
    // createQueue keeps an existing queue as it was; this applies a changed policy.
    await boss.updateQueue(name, policy);
  }
}
