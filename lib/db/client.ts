import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one PrismaClient of the process. Everything reaches PostgreSQL through the `pg` driver,
 * the embedded database too (it is served on a local port), so there is one code path.
 * Feature code must not import this: it gets a Partner-scoped client (lib/db/tenant.ts).
 */
const globalForDb = globalThis as unknown as { partnerCabinetDb?: { url: string; client: PrismaClient } };

export function createPrismaClient(url: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides it");
  const existing = globalForDb.partnerCabinetDb;
  if (existing && existing.url === url) return existing.client;
  const client = createPrismaClient(url);
  globalForDb.partnerCabinetDb = { url, client };
  return client;
}

/** Options for interactive transactions: a burst of requests may queue for a connection. */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;
