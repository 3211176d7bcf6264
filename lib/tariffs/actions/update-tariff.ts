import { defineAction } from "@/lib/actions/define-action";
import { notFound } from "@/lib/errors/app-error";
import { updateTariffSchema } from "@/lib/billing/schemas";

/** An admin operator edits a tariff's texts, limits, included services, order and whether it is offered. */
export const updateTariff = defineAction({
  name: "tariffs.update",
  input: updateTariffSchema,
  access: { operator: "platform.billing.manage" },
  audit: "tariff.updated",
  async handler({ input, tx }) {
    const { tariffId, ...fields } = input;
    const before = await tx.tariff.findUnique({ where: { id: tariffId } });
    if (!before) throw notFound();
    await tx.tariff.update({ where: { id: tariffId }, data: { ...fields, sample: false } });
    const changed = Object.fromEntries(
      Object.entries(fields).filter(
        ([key, value]) => JSON.stringify(before[key as keyof typeof before]) !== JSON.stringify(value),
      ),
    );
    return {
      data: { tariffId },
      audit: {
        targetType: "tariff",
        targetId: tariffId,
        details: {
          slug: before.slug,
          before: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]])),
          after: changed,
        },
      },
    };
  },
});
