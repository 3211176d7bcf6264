import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { applyMigrations, defaultMigrationsDir, migrationChecksum, readMigrations } from "@/lib/db/migrate";
import { createTestDatabase } from "@/lib/db/testing";
import { JOBS, JOB_NAMES } from "@/lib/jobs/registry";

let db: { url: string; stop(): Promise<void> };
let client: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await db?.stop();
});

describe("applyMigrations", () => {
  test("applies every migration once, even when two instances start together", async () => {
    const names = (await readMigrations()).map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    const [a, b] = await Promise.all([applyMigrations(db.url), applyMigrations(db.url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(names);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "audit_event"`);
    expect(rows[0].n).toBe(0);
    // The job queue is installed too, with every registered queue and its policy.
    const queues = await client.query(`SELECT name, retry_limit, retry_backoff FROM pgboss.queue ORDER BY name`);
    for (const name of JOB_NAMES)
      expect(queues.rows).toContainEqual({ name, retry_limit: JOBS[name].queue.retryLimit, retry_backoff: true });
  });

  test("a second run applies nothing", async () => {
    expect(await applyMigrations(db.url)).toEqual({ applied: [] });
  });

  test("records each migration in Prisma's format with the sha256 of its migration.sql", async () => {
    const { rows } = await client.query(
      `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
       FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = await readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, file] of files.entries()) {
      const sql = await readFile(path.join(defaultMigrationsDir(), file.name, "migration.sql"), "utf8");
      expect(rows[i]).toMatchObject({
        checksum: migrationChecksum(sql),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(rows[i].id).toMatch(/^[0-9a-f-]{36}$/);
      expect(rows[i].finished_at).toBeInstanceOf(Date);
      expect(rows[i].started_at).toBeInstanceOf(Date);
    }
  });

  test("refuses a migration file changed after it was applied", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    try {
      await cp(defaultMigrationsDir(), dir, { recursive: true });
      const [first] = await readMigrations(dir);
      const file = path.join(dir, first!.name, "migration.sql");
      await writeFile(file, `${await readFile(file, "utf8")}\n-- edited\n`);
      await expect(applyMigrations(db.url, { migrationsDir: dir })).rejects.toThrow(
        `Migration ${first!.name} was modified after it was applied`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("audit_event", () => {
  test("is append-only: UPDATE, DELETE and TRUNCATE are refused", async () => {
    await client.query(
      `INSERT INTO "audit_event" ("chainKey", seq, "prevHash", hash, "createdAt", action, outcome)
       VALUES ('platform', 1, '', 'h1', now(), 'test.append', 'SUCCESS')`,
    );
    const refused = /audit_event is append-only/;
    await expect(client.query(`UPDATE "audit_event" SET action = 'x'`)).rejects.toThrow(refused);
    await expect(client.query(`DELETE FROM "audit_event"`)).rejects.toThrow(refused);
    await expect(client.query(`TRUNCATE "audit_event"`)).rejects.toThrow(refused);
    const { rows } = await client.query(`SELECT action FROM "audit_event"`);
    expect(rows).toEqual([{ action: "test.append" }]);
  });
});
