import { defineAction } from "@/lib/actions/define-action";
import { cancelInvoiceSchema } from "../schemas";
import { settleInvoice } from "./set-invoice-status";

/** An admin operator cancels an unpaid invoice with a reason; its number stays used (no gaps, no reuse). */
export const cancelInvoice = defineAction({
  name: "billing.cancelInvoice",
  input: cancelInvoiceSchema,
  access: { operator: "platform.billing.manage" },
  audit: "billing.invoice_cancelled",
  async handler({ input, tx, actor }) {
    const invoice = await settleInvoice(tx, {
      invoiceId: input.invoiceId,
      to: "CANCELLED",
      operatorId: actor.personId,
      reason: input.reason,
    });
    return {
      data: { invoiceId: invoice.id },
      audit: {
        partnerId: invoice.partnerId,
        targetType: "invoice",
        targetId: invoice.id,
        details: { number: invoice.number, before: { status: "ISSUED" }, after: { status: "CANCELLED" } },
      },
    };
  },
});
