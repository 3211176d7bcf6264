import type { Prisma } from "@/lib/generated/prisma/client";
import { nextMonthStart } from "./period";

type Db = Pick<Prisma.TransactionClient, "tariff" | "tariffChange" | "partner">;

/** The price of a tariff in force at `at`: the newest tariff_price whose date has come, or null. */
export const priceAt = (at: Date) => ({
  where: { effectiveFrom: { lte: at } },
  orderBy: { effectiveFrom: "desc" as const },
  take: 1,
  select: { amount: true, effectiveFrom: true },
});

/**
 * When a change to another tariff applies (the rule stated on the plan page): a dearer tariff at once,
 * the same price or a cheaper one from the 1st of next month, so a month already begun is never cut
 * down under the Partner's feet.
 */
export function changeTakesEffect(at: Date, currentPrice: number | null, newPrice: number): Date {
  return currentPrice === null || newPrice > currentPrice ? at : nextMonthStart(at);
}

/** The tariff in force for a Partner at `at` (see tariffIdInForce in limits.ts), with its price then. */
export async function tariffInForce(db: Db, partnerId: string, at: Date) {
  const change = await db.tariffChange.findFirst({
    where: { partnerId, effectiveFrom: { lte: at } },
    orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
    select: { toTariffId: true },
  });
  const partner = await db.partner.findUnique({ where: { id: partnerId }, select: { tariffId: true } });
  const id = change?.toTariffId ?? partner?.tariffId ?? null;
  const tariff = id
    ? await db.tariff.findUnique({ where: { id }, include: { prices: priceAt(at) } })
    : await db.tariff.findFirst({
        where: { demo: true, active: true },
        orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
        include: { prices: priceAt(at) },
      });
  return tariff;
}

/** A change already chosen that has not come into force yet, if any. */
export async function pendingChange(db: Db, partnerId: string, at: Date) {
  return db.tariffChange.findFirst({
    where: { partnerId, effectiveFrom: { gt: at } },
    orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
    include: { toTariff: true },
  });
}
