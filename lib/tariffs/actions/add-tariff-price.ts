import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors/app-error";
import { addTariffPriceSchema } from "@/lib/billing/schemas";

const KZ_OFFSET_MS = 5 * 3_600_000;

/** Midnight in Kazakhstan of a YYYY-MM-DD date, as an instant. */
export function kzMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - KZ_OFFSET_MS);
}

/**
 * An admin operator sets a tariff's new monthly price from a date (today or later): a new
 * tariff_price row. Rows already in force are never edited, so the history of prices stays, and
 * issued invoices keep the amounts copied onto them anyway.
 */
export const addTariffPrice = defineAction({
  name: "tariffs.addPrice",
  input: addTariffPriceSchema,
  access: { operator: "platform.billing.manage" },
  audit: "tariff.price_added",
  async handler({ input, tx }) {
    const tariff = await tx.tariff.findUnique({ where: { id: input.tariffId }, select: { id: true, slug: true } });
    if (!tariff) throw notFound();
    const effectiveFrom = kzMidnight(input.effectiveFrom);
    const today = kzMidnight(new Date(now().getTime() + KZ_OFFSET_MS).toISOString().slice(0, 10));
    if (effectiveFrom < today) {
      throw new AppError("conflict", "price_date_past");
    }
    // A price entered for a date still to come may be replaced; one in force already may not.
    const existing = await tx.tariffPrice.findUnique({
      where: { tariffId_effectiveFrom: { tariffId: tariff.id, effectiveFrom } },
    });
    if (existing && existing.effectiveFrom <= now()) throw new AppError("conflict", "price_in_force");
    const row = await tx.tariffPrice.upsert({
      where: { tariffId_effectiveFrom: { tariffId: tariff.id, effectiveFrom } },
      update: { amount: input.amount },
      create: { tariffId: tariff.id, amount: input.amount, effectiveFrom },
    });
    return {
      data: { priceId: row.id },
      audit: {
        targetType: "tariff",
        targetId: tariff.id,
        details: {
          slug: tariff.slug,
          before: existing ? { amount: existing.amount } : null,
          after: { amount: input.amount, effectiveFrom: effectiveFrom.toISOString() },
        },
      },
    };
  },
});
