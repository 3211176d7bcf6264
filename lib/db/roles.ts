import pg from "pg";
import { JOB_SCHEMA } from "@/lib/jobs/boss";

/**
 * The app connects as a role that owns nothing: it cannot alter a table, switch a trigger off or
 * grant itself more. Migrations run as the owner, and the migration runner re-applies the app's
 * grants after every run (`grantAppRole`), so a new table is covered without a hand-written grant.
 * Append-only tables get SELECT and INSERT only; their triggers refuse changes even to the owner.
 */

/** The app's role in the embedded database (on a server the operator names it, see README.md). */
export const EMBEDDED_APP_ROLE = "partner_cabinet_app";

/** Tables whose rows the app may read and add, never change or remove. */
export const APPEND_ONLY_TABLES = ["audit_event"] as const;

/** The migration runner's own history: the app has no business there. */
const OWNER_ONLY_TABLES = ["_prisma_migrations"] as const;

const ident = (name: string) => pg.Client.prototype.escapeIdentifier(name);

/**
 * The statements that give `role` what the app needs and nothing more. The default privileges
 * cover tables a later migration creates (also one applied by Prisma's own engine), the explicit
 * grants cover what exists today.
 */
export function appGrantStatements(role: string): string[] {
  const r = ident(role);
  return [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `REVOKE CREATE ON SCHEMA public FROM ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
    // The job queue (pg-boss, installed by the migration runner): rows only, and new queues'
    // partitions through the default privileges.
    `GRANT USAGE ON SCHEMA ${ident(JOB_SCHEMA)} TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${ident(JOB_SCHEMA)} TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${ident(JOB_SCHEMA)} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    ...APPEND_ONLY_TABLES.map((t) => `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${ident(t)} FROM ${r}`),
    ...OWNER_ONLY_TABLES.map((t) => `REVOKE ALL ON ${ident(t)} FROM ${r}`),
  ];
}

/** Applies the app's grants in one transaction; refuses a role that owns a table (it could undo them). */
export async function grantAppRole(client: pg.ClientBase, role: string): Promise<void> {
  const owned = await client.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1 LIMIT 1`,
    [role],
  );
  if (owned.rowCount) {
    throw new Error(
      `The app's database role "${role}" owns table ${owned.rows[0]!.tablename}: it could disable the audit ` +
        `triggers. Run migrations as a separate owner role (MIGRATION_DATABASE_URL), see README.md.`,
    );
  }
  await client.query("BEGIN");
  try {
    for (const statement of appGrantStatements(role)) await client.query(statement);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}

/** Creates a role without rights of its own, unless it exists (needs CREATEROLE: embedded and tests only). */
export async function ensureRole(client: pg.ClientBase, role: string): Promise<void> {
  const exists = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
  if (exists.rowCount) return;
  try {
    await client.query(`CREATE ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
  } catch (err) {
    // Another process created it in between (roles are shared by the whole server).
    const again = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
    if (!again.rowCount) throw err;
  }
}

/** The user name of a postgresql:// URL. */
export function urlUser(url: string): string {
  return decodeURIComponent(new URL(url).username) || "postgres";
}

/** `url` with another user name (the embedded server and the test server trust local users). */
export function urlWithUser(url: string, user: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  return parsed.toString();
}

/** The app's role when the app and the migrations use different users, else undefined. */
export function separateAppRole(appUrl: string, ownerUrl: string): string | undefined {
  const app = urlUser(appUrl);
  return app === urlUser(ownerUrl) ? undefined : app;
}

/** The statement that makes a connection act as `role` (the embedded database, see client.ts). */
export function setSessionRole(role: string): string {
  return `SET SESSION AUTHORIZATION ${ident(role)}`;
}

/**
 * Runs `fn` as `loginUser`, the user the connection logged in as (its URL's). The embedded server
 * serves every connection from one session, which the app's connection switched to the app's
 * role; the owner switches it back for its work and returns it afterwards. PGlite's `SET SESSION
 * AUTHORIZATION DEFAULT` keeps the switched role, hence the name. On a server this changes nothing.
 */
export async function asLoginUser<T>(client: pg.ClientBase, loginUser: string, fn: () => Promise<T>): Promise<T> {
  const before = (await client.query<{ u: string }>("SELECT session_user AS u")).rows[0]!.u;
  if (before !== loginUser) await client.query(setSessionRole(loginUser));
  try {
    return await fn();
  } finally {
    if (before !== loginUser) await client.query(setSessionRole(before)).catch(() => {});
  }
}
