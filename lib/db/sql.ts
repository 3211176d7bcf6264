import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPool, poolOptions } from "./client";

/**
 * Plain SQL inside a transaction, from either side: a Prisma interactive transaction (actions) or
 * a pooled `pg` client (the login check, the hottest path, where Prisma's per-query cost would
 * dominate). Timestamps go in as ISO strings cast to `timestamp(3)` and come out as Dates, in UTC,
 * exactly as Prisma stores them.
 */
export interface Sql {
  query<T extends object = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<T[]>;
}

const toParam = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

export function prismaSql(tx: Prisma.TransactionClient): Sql {
  return {
    query: <T extends object>(text: string, values: readonly unknown[] = []) =>
      tx.$queryRawUnsafe<T[]>(text, ...values.map(toParam)),
  };
}

// `timestamp` columns hold UTC wall time (Prisma's convention); pg would read them as local time.
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function pgSql(client: pg.PoolClient): Sql {
  return {
    query: async <T extends object>(text: string, values: readonly unknown[] = []) =>
      (await client.query<T>({ text, values: values.map(toParam), types })).rows,
  };
}

/**
 * Connections of the plain-SQL path: pipelined, so BEGIN travels with the first statement instead
 * of costing a round trip of its own. Kept apart from Prisma's pool, which does not expect it.
 * The embedded database (DB_EMBEDDED=1) serves every connection from one PostgreSQL session and
 * can interleave their statements, so there everything shares Prisma's single connection.
 */
const globalForSql = globalThis as unknown as { partnerCabinetSqlPool?: { url: string; pool: pg.Pool } };

function sqlPool(): pg.Pool {
  if (process.env.DB_EMBEDDED === "1") return getPool();
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const existing = globalForSql.partnerCabinetSqlPool;
  if (existing && existing.url === url) return existing.pool;
  const pool = new pg.Pool({ ...poolOptions(url), pipeline: true } as pg.PoolConfig);
  pool.on("error", (error) => console.error("[db] idle connection error", error.message));
  globalForSql.partnerCabinetSqlPool = { url, pool };
  return pool;
}

/** Closes the plain-SQL pool (tests and scripts, before stopping a database). */
export async function closeSqlPool(): Promise<void> {
  const existing = globalForSql.partnerCabinetSqlPool;
  globalForSql.partnerCabinetSqlPool = undefined;
  await existing?.pool.end();
}

/** Runs `fn` in one transaction on a pooled connection; rolls back on any error. */
export async function withSqlTransaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await sqlPool().connect();
  // On a pipelined connection BEGIN is not awaited: it travels ahead of fn's first statement.
  const begun = client.query("BEGIN");
  if (!(client as unknown as { pipeline?: boolean }).pipeline) await begun;
  try {
    const result = await fn(pgSql(client));
    await begun;
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await begun.catch(() => undefined);
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
