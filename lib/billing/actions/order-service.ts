import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors/app-error";
import { localized } from "@/lib/tariffs/localize";
import { issueInvoice } from "../invoices";
import { onOrderPlaced } from "../on-order-placed";
import { orderServiceSchema } from "../schemas";

/**
 * Orders an additional service (BIZ-2): an order row and its invoice from the serving company, the
 * price copied at this moment. Demo Partners may order only the services marked for demo.
 */
export const orderService = defineAction({
  name: "billing.orderService",
  input: orderServiceSchema,
  access: { member: "billing.edit" },
  audit: "billing.service_ordered",
  async handler({ input, tx, actor }) {
    const at = now();
    const partner = await tx.partner.findUnique({ where: { id: actor.partnerId }, select: { status: true } });
    if (!partner) throw notFound();
    const service = await tx.additionalService.findFirst({ where: { slug: input.serviceSlug, active: true } });
    if (!service) throw notFound();
    if (partner.status === "DEMO" && !service.availableInDemo) throw new AppError("conflict", "service_not_in_demo");
    const title = localized(service, "name", "ru");
    const invoice = await issueInvoice(tx, {
      partnerId: actor.partnerId,
      at,
      lines: [{ title, unit: "усл.", quantity: 1, unitPriceTiyn: service.price * 100 }],
    });
    const order = await tx.serviceOrder.create({
      data: {
        partnerId: actor.partnerId,
        serviceId: service.id,
        invoiceId: invoice.id,
        orderedById: actor.personId,
        createdAt: at,
      },
    });
    await onOrderPlaced(tx, {
      orderId: order.id,
      partnerId: actor.partnerId,
      serviceSlug: service.slug,
      serviceTitle: title,
      invoiceId: invoice.id,
      orderedById: actor.personId,
    });
    return {
      data: { orderId: order.id, invoiceId: invoice.id, invoiceNumber: invoice.number },
      audit: {
        targetType: "invoice",
        targetId: invoice.id,
        details: { service: service.slug, number: invoice.number, totalTiyn: invoice.totalTiyn },
      },
    };
  },
});
