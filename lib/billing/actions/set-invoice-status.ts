import type { Prisma } from "@/lib/generated/prisma/client";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors/app-error";

/**
 * Moves an issued invoice to PAID or CANCELLED, once: a paid or cancelled invoice is final. The
 * conditional update makes two operators acting at once see one success and one conflict.
 */
export async function settleInvoice(
  tx: Prisma.TransactionClient,
  args: { invoiceId: string; to: "PAID" | "CANCELLED"; operatorId: string; reason?: string },
) {
  const invoice = await tx.invoice.findUnique({
    where: { id: args.invoiceId },
    select: { id: true, partnerId: true, number: true, status: true },
  });
  if (!invoice) throw notFound();
  const at = now();
  const updated = await tx.invoice.updateMany({
    where: { id: invoice.id, status: "ISSUED" },
    data: {
      status: args.to,
      statusById: args.operatorId,
      ...(args.to === "PAID" ? { paidAt: at } : { cancelledAt: at, cancelReason: args.reason ?? null }),
    },
  });
  if (updated.count === 0) throw new AppError("conflict", "invoice_not_open");
  return invoice;
}
