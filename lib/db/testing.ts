import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Throws unless `url` points at this machine: tests create and drop databases. */
export function assertLocalDatabase(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("Refusing a test database URL that cannot be parsed");
  }
  // pg lets a `host` query parameter override the URL's host.
  const hosts = [parsed.hostname, ...parsed.searchParams.getAll("host")];
  for (const host of hosts) {
    if (!LOCAL_HOSTS.has(host.toLowerCase())) {
      throw new Error(`Refusing to run tests against non-local database host "${host}"`);
    }
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function createOnServer(serverUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  // Only [a-z0-9_] so the name needs no quoting and can never inject SQL.
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(serverUrl, name),
    // FORCE ends connections a failed test left open (PostgreSQL 13+).
    stop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * A fresh, migrated database for one integration test file: a new database on the local
 * server named by TEST_DATABASE_URL, or else an in-memory embedded PostgreSQL.
 * `migrate: false` leaves it empty, for tests of the migration runner itself.
 */
export async function createTestDatabase(
  opts: { migrate?: boolean } = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let db: { url: string; stop(): Promise<void> };
  if (serverUrl) {
    assertLocalDatabase(serverUrl);
    db = await createOnServer(serverUrl);
  } else {
    db = await startEmbeddedPostgres({ port: 0 });
  }
  try {
    assertLocalDatabase(db.url);
    if (opts.migrate !== false) await applyMigrations(db.url);
  } catch (err) {
    await db.stop();
    throw err;
  }
  return db;
}
