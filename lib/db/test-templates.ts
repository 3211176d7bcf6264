import { createHash, randomBytes } from "node:crypto";
import { JOBS, JOB_NAMES } from "@/lib/jobs/registry";
import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { appGrantStatements, EMBEDDED_APP_ROLE, ensureRole } from "@/lib/db/roles";

/**
 * Migrating a database for every integration test file is the slow part of the suite (on the
 * embedded one, initdb is). Files start from a migrated template instead, made once and keyed by
 * a hash of the migrations, the grants and the job queues, so a changed migration makes a new template:
 * - on a server, a database `test_template_<key>` that files copy with CREATE DATABASE … TEMPLATE;
 * - embedded, a dump of a migrated PGlite data folder in the temp folder, loaded per file.
 * A template is built under a temporary name and renamed when complete, so parallel workers (and
 * parallel runs) never see half of one; the loser of a race drops its copy.
 */

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The app's role of test databases on a server (roles are shared by all databases there). */
export const TEST_SERVER_APP_ROLE = "partner_cabinet_test_app";

async function templateKey(appRole: string, extra = ""): Promise<string> {
  const migrations = (await readMigrations()).map((m) => [m.name, m.checksum]);
  // The migration runner also creates every registered job queue: a new queue makes a new template.
  const queues = JOB_NAMES.map((name) => [name, JOBS[name].queue]);
  const material = JSON.stringify({ migrations, grants: appGrantStatements(appRole), queues, extra });
  return createHash("sha256").update(material).digest("hex").slice(0, 16);
}

async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    return Boolean((await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount);
  } finally {
    await client.end();
  }
}

/** Renames a database; the server may still be closing the connection that built it. */
async function renameDatabase(serverUrl: string, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await adminQuery(serverUrl, `ALTER DATABASE ${from} RENAME TO ${to}`);
    } catch (err) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The name of the migrated template database on the test server, built if missing. */
export async function serverTemplate(serverUrl: string): Promise<string> {
  const name = `test_template_${await templateKey(TEST_SERVER_APP_ROLE)}`;
  if (await databaseExists(serverUrl, name)) return name;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await ensureRole(client, TEST_SERVER_APP_ROLE).finally(() => client.end());
  const building = `test_building_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${building}`);
  try {
    await applyMigrations(withDatabase(serverUrl, building), { appRole: TEST_SERVER_APP_ROLE });
    await renameDatabase(serverUrl, building, name);
  } catch (err) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    if (await databaseExists(serverUrl, name)) return name;
    throw err;
  }
  return name;
}

/** A dump is only loadable by the PGlite that wrote it. */
async function pgliteVersion(): Promise<string> {
  const file = path.join(process.cwd(), "node_modules", "@electric-sql", "pglite", "package.json");
  return (JSON.parse(await readFile(file, "utf8")) as { version: string }).version;
}

/** A migrated embedded data folder (uncompressed tarball) for `startEmbeddedPostgres({ loadDataDir })`. */
export async function embeddedTemplate(): Promise<Blob> {
  const key = await templateKey(EMBEDDED_APP_ROLE, `pglite ${await pgliteVersion()}`);
  const file = path.join(tmpdir(), `partner-cabinet-test-template-${key}.tar`);
  if (!existsSync(file)) {
    const db = await startEmbeddedPostgres({ port: 0 });
    try {
      await applyMigrations(db.url, { appRole: EMBEDDED_APP_ROLE });
      const partial = `${file}.${randomBytes(6).toString("hex")}`;
      await writeFile(partial, Buffer.from(await (await db.dump()).arrayBuffer()));
      await rename(partial, file);
    } finally {
      await db.stop();
    }
  }
  return new Blob([await readFile(file)]);
}
