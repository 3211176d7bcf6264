import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { monthStart, nextMonthStart } from "./period";

type Tx = Prisma.TransactionClient;

/**
 * The id of the tariff in force for the Partner `p` at `at`: the newest tariff change whose date has
 * come, else the tariff an operator set, else the demo tariff. A SQL fragment, so the limit checks
 * read it in the same statement that locks or updates the Partner row.
 */
export function tariffIdInForce(at: Date): Prisma.Sql {
  return Prisma.sql`COALESCE(
    (SELECT c."toTariffId" FROM tariff_change c
      WHERE c."partnerId" = p.id AND c."effectiveFrom" <= ${at}
      ORDER BY c."effectiveFrom" DESC, c."createdAt" DESC LIMIT 1),
    p."tariffId",
    (SELECT d.id FROM tariff d WHERE d.demo AND d.active ORDER BY d."sortOrder", d.slug LIMIT 1))`;
}

/** The limits a Partner works under. `requestsPerMonth` is null when no tariff applies (no catalogue). */
export interface PlanLimits {
  tariffId: string | null;
  users: number;
  storageMb: number;
  requestsPerMonth: number | null;
}

/**
 * Locks the Partner row and reads the limits in force at `at`, so every check of one Partner's limits
 * queues behind the others until its transaction ends: two requests cannot both take the last place.
 * Without any tariff (an empty catalogue) the Partner's own userLimit / storageLimitMb apply.
 */
export async function lockPlanLimits(tx: Tx, partnerId: string, at: Date): Promise<PlanLimits> {
  return planLimits(tx, partnerId, at, Prisma.sql`FOR UPDATE OF p`);
}

/** The limits in force at `at`, without locking (for showing them). */
export async function readPlanLimits(db: Pick<Tx, "$queryRaw">, partnerId: string, at: Date): Promise<PlanLimits> {
  return planLimits(db, partnerId, at, Prisma.empty);
}

async function planLimits(
  db: Pick<Tx, "$queryRaw">,
  partnerId: string,
  at: Date,
  lock: Prisma.Sql,
): Promise<PlanLimits> {
  const [row] = await db.$queryRaw<PlanLimits[]>`
    SELECT t.id AS "tariffId",
           COALESCE(t."maxUsers", p."userLimit") AS users,
           COALESCE(t."storageMb", p."storageLimitMb") AS "storageMb",
           t."requestsPerMonth" AS "requestsPerMonth"
      FROM partner p
      LEFT JOIN tariff t ON t.id = ${tariffIdInForce(at)}
     WHERE p.id = ${partnerId}::uuid
     ${lock}`;
  if (!row) throw new AppError("not_found");
  return row;
}

/** Rows of `request` the Partner created in the calendar month of `at`; 0 while that table does not exist. */
export async function requestsThisMonth(tx: Tx, partnerId: string, at: Date): Promise<number> {
  const [table] = await tx.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('request') IS NOT NULL AS present`;
  if (!table?.present) return 0;
  const [row] = await tx.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM request
     WHERE "partnerId" = ${partnerId}::uuid AND "createdAt" >= ${monthStart(at)} AND "createdAt" < ${nextMonthStart(at)}`;
  return row?.count ?? 0;
}

/**
 * Refuses once the month's count has reached the tariff's limit. The Partner row is locked first and
 * the count taken after, in the caller's transaction, so 20 parallel creations at a limit of N leave
 * exactly N. `count` is what is limited (the requests of this month, or in tests any table).
 */
export async function assertMonthlyQuota(
  tx: Tx,
  partnerId: string,
  at: Date,
  count: (tx: Tx) => Promise<number>,
): Promise<void> {
  const limits = await lockPlanLimits(tx, partnerId, at);
  if (limits.requestsPerMonth === null) return;
  if ((await count(tx)) >= limits.requestsPerMonth) {
    throw new AppError("conflict", "request_limit_reached", undefined, { limit: limits.requestsPerMonth });
  }
}

/** Guard for creating a request (REQ): call in the creating transaction, before the INSERT. */
export async function assertRequestQuota(tx: Tx, partnerId: string, at: Date): Promise<void> {
  await assertMonthlyQuota(tx, partnerId, at, (t) => requestsThisMonth(t, partnerId, at));
}
