import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors/app-error";
import { lockPlanLimits } from "../limits";
import { changeTakesEffect, priceAt, tariffInForce } from "../plan";
import { changeTariffSchema } from "../schemas";

/**
 * The primary user moves the Partner to another active tariff (BIZ-2): a dearer one at once, else from
 * the 1st of next month (a `tariff_change` row either way; a change chosen earlier and not yet in force
 * is replaced). Demo Partners keep the demo tariff until their service contract.
 */
export const changeTariff = defineAction({
  name: "billing.changeTariff",
  input: changeTariffSchema,
  access: { member: "tariff.manage" },
  audit: "billing.tariff_changed",
  async handler({ input, tx, actor }) {
    const at = now();
    await lockPlanLimits(tx, actor.partnerId, at);
    const partner = await tx.partner.findUnique({ where: { id: actor.partnerId }, select: { status: true } });
    if (!partner) throw notFound();
    if (partner.status === "DEMO") throw new AppError("conflict", "tariff_demo_locked");
    const target = await tx.tariff.findFirst({
      where: { slug: input.tariffSlug, active: true, demo: false },
      include: { prices: priceAt(at) },
    });
    if (!target || target.prices.length === 0) throw notFound();
    const current = await tariffInForce(tx, actor.partnerId, at);
    if (current?.id === target.id) throw new AppError("conflict", "tariff_unchanged");
    const members = await tx.membership.count({ where: { status: "ACTIVE" } });
    if (members > target.maxUsers) {
      throw new AppError("conflict", "tariff_too_small", undefined, { users: members, limit: target.maxUsers });
    }
    const effectiveFrom = changeTakesEffect(at, current?.prices[0]?.amount ?? null, target.prices[0]!.amount);
    const dropped = await tx.tariffChange.deleteMany({ where: { effectiveFrom: { gt: at } } });
    const change = await tx.tariffChange.create({
      data: {
        partnerId: actor.partnerId,
        fromTariffId: current?.id ?? null,
        toTariffId: target.id,
        effectiveFrom,
        requestedById: actor.personId,
        createdAt: at,
      },
    });
    return {
      data: { changeId: change.id, effectiveFrom, immediate: effectiveFrom.getTime() === at.getTime() },
      audit: {
        targetType: "tariff_change",
        targetId: change.id,
        details: {
          before: { tariff: current?.slug ?? null },
          after: { tariff: target.slug, effectiveFrom: effectiveFrom.toISOString() },
          replacedPending: dropped.count,
        },
      },
    };
  },
});
