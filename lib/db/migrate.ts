import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { asLoginUser, grantAppRole, urlUser } from "./roles";
import { installJobQueue } from "@/lib/jobs/install";

export type MigrationFile = { name: string; sql: string; checksum: string };

// The key Prisma's own engine locks, so this runner and a native `prisma migrate deploy`
// exclude each other as well.
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

// Prisma's exact DDL for its history table: the native engine reads this table later.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function defaultMigrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/** Prisma accepts a file whose line endings were converted by git on checkout. */
function checksumMatches(sql: string, checksum: string): boolean {
  return migrationChecksum(sql) === checksum || migrationChecksum(sql.replace(/\r\n/g, "\n")) === checksum;
}

/** The migration folders in the order Prisma applies them: by name. */
export async function readMigrations(migrationsDir = defaultMigrationsDir()): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const sql = await readFile(file, "utf8").catch(() => {
        throw new Error(`Migration folder ${name} has no readable migration.sql (${file})`);
      });
      return { name, sql, checksum: migrationChecksum(sql) };
    }),
  );
}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

async function appliedRows(client: pg.ClientBase): Promise<AppliedRow[]> {
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
     ORDER BY started_at, migration_name`,
  );
  // Rolled-back rows are history only, exactly as Prisma treats them.
  return rows.filter((r) => r.rolled_back_at === null);
}

function checkHistory(files: MigrationFile[], rows: AppliedRow[], log: (line: string) => void) {
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const row of rows) {
    if (row.finished_at === null) {
      throw new Error(
        `Migration ${row.migration_name} failed or is still running according to _prisma_migrations ` +
          `(finished_at is empty). Resolve it (e.g. \`prisma migrate resolve\`) before migrating again.`,
      );
    }
    const file = byName.get(row.migration_name);
    if (!file) {
      log(`warning: migration ${row.migration_name} is applied but missing from the migrations folder`);
      continue;
    }
    if (!checksumMatches(file.sql, row.checksum)) {
      throw new Error(
        `Migration ${row.migration_name} was modified after it was applied ` +
          `(checksum ${row.checksum} in the database, ${file.checksum} on disk). ` +
          `Restore the original migration.sql and put the change in a new migration.`,
      );
    }
  }
}

async function applyOne(client: pg.ClientBase, file: MigrationFile): Promise<boolean> {
  await client.query("BEGIN");
  try {
    // Re-checked inside the transaction: on the embedded server all connections share one
    // session, so the advisory lock does not exclude another instance there, but its
    // transactions are serialized and this check is.
    const done = await client.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL`,
      [file.name],
    );
    if (done.rowCount) {
      await client.query("ROLLBACK");
      return false;
    }
    const id = randomUUID();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, clock_timestamp(), 0)`,
      [id, file.checksum, file.name],
    );
    // No parameters: the simple query protocol runs a multi-statement script.
    await client.query(file.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1
       WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
    return true;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`Migration ${file.name} failed and was rolled back: ${reason}`, { cause: err });
  }
}

/**
 * Applies the pending `prisma/migrations/<name>/migration.sql` folders in name order and records
 * them in Prisma's `_prisma_migrations` table, each migration in its own transaction; then
 * installs or upgrades the job queue (pg-boss) and its queues. `connectionString` is the tables'
 * owner; with `appRole`, the app's grants are re-applied after every run (lib/db/roles.ts), so
 * tables added by a migration, the job queue's included, are covered.
 */
export async function applyMigrations(
  connectionString: string,
  opts: { migrationsDir?: string; log?: (line: string) => void; appRole?: string } = {},
): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const files = await readMigrations(opts.migrationsDir);
  const client = new pg.Client({ connectionString });
  // An error on an idle client would otherwise crash the process instead of failing the call.
  client.on("error", () => {});
  await client.connect();
  const applied: string[] = [];
  try {
    await asLoginUser(client, urlUser(connectionString), async () => {
      await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
      try {
        await client.query(CREATE_MIGRATIONS_TABLE);
        const rows = await appliedRows(client);
        checkHistory(files, rows, log);
        const done = new Set(rows.map((r) => r.migration_name));
        for (const file of files) {
          if (done.has(file.name)) continue;
          log(`applying ${file.name}`);
          if (await applyOne(client, file)) applied.push(file.name);
        }
        // The job queue's tables and queues, under the same lock and as the same (owner) role.
        await installJobQueue(client);
        if (opts.appRole) await grantAppRole(client, opts.appRole);
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]).catch(() => {});
      }
    });
  } finally {
    await client.end();
  }
  return { applied };
}
