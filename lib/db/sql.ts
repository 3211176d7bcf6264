import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPool } from "./client";

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
    query: <T extends object>(text: string, values: readonly unknown[] = []) => tx.$queryRawUnsafe<T[]>(text, ...values.map(toParam)),
  };
}

// `timestamp` columns hold UTC wall time (Prisma's convention); pg would read them as local time.
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID ? (value: string) => new Date(`${value.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function pgSql(client: pg.PoolClient): Sql {
  return {
    query: async <T extends object>(text: string, values: readonly unknown[] = []) =>
      (await client.query<T>({ text, values: values.map(toParam), types })).rows,
  };
}

/** Runs `fn` in one transaction on a pooled connection; rolls back on any error. */
export async function withSqlTransaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    const result = await fn(pgSql(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
