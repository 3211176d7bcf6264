import { defineAction } from "@/lib/actions/define-action";
import { notFound } from "@/lib/errors/app-error";
import { updateServiceSchema } from "@/lib/billing/schemas";

/**
 * An admin operator edits an additional service: texts, price, availability in demo, order, active.
 * A new price applies to orders from now on; invoices already issued keep their copied amounts.
 */
export const updateService = defineAction({
  name: "tariffs.updateService",
  input: updateServiceSchema,
  access: { operator: "platform.billing.manage" },
  audit: "service.updated",
  async handler({ input, tx }) {
    const { serviceId, ...fields } = input;
    const before = await tx.additionalService.findUnique({ where: { id: serviceId } });
    if (!before) throw notFound();
    await tx.additionalService.update({ where: { id: serviceId }, data: { ...fields, sample: false } });
    const changed = Object.fromEntries(
      Object.entries(fields).filter(([key, value]) => before[key as keyof typeof before] !== value),
    );
    return {
      data: { serviceId },
      audit: {
        targetType: "additional_service",
        targetId: serviceId,
        details: {
          slug: before.slug,
          before: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]])),
          after: changed,
        },
      },
    };
  },
});
