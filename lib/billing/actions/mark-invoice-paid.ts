import { defineAction } from "@/lib/actions/define-action";
import { invoiceIdSchema } from "../schemas";
import { settleInvoice } from "./set-invoice-status";

/** An admin operator records the bank transfer of an invoice (BIZ-2); support may only look. */
export const markInvoicePaid = defineAction({
  name: "billing.markInvoicePaid",
  input: invoiceIdSchema,
  access: { operator: "platform.billing.manage" },
  audit: "billing.invoice_paid",
  async handler({ input, tx, actor }) {
    const invoice = await settleInvoice(tx, { invoiceId: input.invoiceId, to: "PAID", operatorId: actor.personId });
    return {
      data: { invoiceId: invoice.id },
      audit: {
        partnerId: invoice.partnerId,
        targetType: "invoice",
        targetId: invoice.id,
        details: { number: invoice.number, before: { status: "ISSUED" }, after: { status: "PAID" } },
      },
    };
  },
});
