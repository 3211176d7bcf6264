import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { dbLimits } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { setSessionRole, urlUser } from "./roles";
import { closeSqlPool } from "./sql";

/**
 * The one connection pool and PrismaClient of the process. Everything reaches PostgreSQL through
 * the `pg` driver, the embedded database too (it is served on a local port), so there is one
 * code path. Feature code must not import this: it gets a Partner-scoped client (lib/db/tenant.ts).
 */
interface Connection {
  url: string;
  pool: pg.Pool;
  client: PrismaClient;
}

const globalForDb = globalThis as unknown as { partnerCabinetDb?: Connection };

/**
 * Options of every app pool: its size and the limits of lib/env.ts. Waiting for a free
 * connection is bounded too (pg-pool applies the connect timeout to queued requests), so a burst
 * answers "unavailable" instead of queueing without end. The server enforces the statement and
 * idle-transaction limits, so a stuck request cannot hold locks for long.
 */
export function poolOptions(url: string): pg.PoolConfig {
  const limits = dbLimits();
  return {
    connectionString: url,
    max: Number(process.env.DB_POOL_SIZE ?? 10),
    connectionTimeoutMillis: limits.DB_CONNECT_TIMEOUT_MS,
    statement_timeout: limits.DB_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: limits.DB_IDLE_TX_TIMEOUT_MS,
  };
}

function connect(url: string): Connection {
  const pool = new pg.Pool(poolOptions(url));
  pool.on("error", (error) => console.error("[db] idle connection error", error.message));
  if (process.env.DB_EMBEDDED === "1") actAsUrlUser(pool, url);
  return { url, pool, client: new PrismaClient({ adapter: new PrismaPg(pool) }) };
}

/**
 * The embedded server ignores the user name of a connection and serves all of them from one
 * superuser session, so the app's connection switches that session to the URL's role before its
 * first query (pg runs queued queries in order). The app's own statements then cannot alter
 * tables or disable triggers; unlike a server login it is a guard, not a wall: SQL that switches
 * the session back would succeed. Production runs on a server, where the login is the boundary.
 */
function actAsUrlUser(pool: pg.Pool, url: string): void {
  const statement = setSessionRole(urlUser(url));
  pool.on("connect", (client) => {
    client.query(statement).catch((error: Error) => {
      console.error("[db] could not switch to the app's role, closing the connection", error.message);
      void client.end();
    });
  });
}

function connection(): Connection {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides it");
  const existing = globalForDb.partnerCabinetDb;
  if (existing && existing.url === url) return existing;
  globalForDb.partnerCabinetDb = connect(url);
  return globalForDb.partnerCabinetDb;
}

/** The pool behind getDb(); the plain-SQL path shares it on the embedded database (lib/db/sql.ts). */
export function getPool(): pg.Pool {
  return connection().pool;
}

/** A separate client for scripts that talk to a database other than the app's. */
export function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

export function getDb(): PrismaClient {
  return connection().client;
}

/** Options for interactive transactions: a burst of requests may queue for a connection. */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** Closes the pool and client of this process (tests and scripts, before stopping a database). */
export async function closeDb(): Promise<void> {
  await closeSqlPool();
  const existing = globalForDb.partnerCabinetDb;
  if (!existing) return;
  globalForDb.partnerCabinetDb = undefined;
  await existing.client.$disconnect();
  await existing.pool.end();
}
