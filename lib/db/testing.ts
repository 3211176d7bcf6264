import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { ensureRole, urlWithUser } from "@/lib/db/roles";
import {
  adminQuery,
  embeddedTemplate,
  serverTemplate,
  TEST_SERVER_APP_ROLE,
  withDatabase,
} from "@/lib/db/test-templates";

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

/** The tables' owner (`url`, a superuser here), the app's role (`appUrl`), and a way to throw it away. */
export type TestDatabase = { url: string; appUrl: string; stop(): Promise<void> };

async function createOnServer(serverUrl: string, template: string | undefined): Promise<TestDatabase> {
  // Only [a-z0-9_] so the name needs no quoting and can never inject SQL.
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  const url = withDatabase(serverUrl, name);
  return {
    url,
    appUrl: urlWithUser(url, TEST_SERVER_APP_ROLE),
    // FORCE ends connections a failed test left open (PostgreSQL 13+).
    stop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * A fresh, migrated database for one integration test file: a copy of a migrated template on the
 * local server named by TEST_DATABASE_URL, or else an in-memory embedded PostgreSQL loaded from a
 * migrated snapshot (lib/db/test-templates.ts). `migrate: false` starts empty, for tests of the
 * migration runner itself. The app's role exists either way; on an empty one it has no grants yet.
 */
export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = opts.migrate !== false;
  const serverUrl = process.env.TEST_DATABASE_URL;
  let db: TestDatabase;
  if (serverUrl) {
    assertLocalDatabase(serverUrl);
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await ensureRole(client, TEST_SERVER_APP_ROLE).finally(() => client.end());
    db = await createOnServer(serverUrl, migrate ? await serverTemplate(serverUrl) : undefined);
  } else {
    db = await startEmbeddedPostgres({ port: 0, loadDataDir: migrate ? await embeddedTemplate() : undefined });
  }
  try {
    assertLocalDatabase(db.url);
  } catch (err) {
    await db.stop();
    throw err;
  }
  return db;
}
