import type { Prisma } from "@/lib/generated/prisma/client";

export interface PlacedOrder {
  orderId: string;
  partnerId: string;
  serviceSlug: string;
  serviceTitle: string;
  invoiceId: string;
  orderedById: string;
}

/**
 * Called in the ordering transaction once the order and its invoice are written. The requests module
 * fills this in to open a request to the outsourcer for the order (BIZ-2); anything slow or external
 * it needs must be a job enqueued on `tx`.
 */
export async function onOrderPlaced(tx: Prisma.TransactionClient, order: PlacedOrder): Promise<void> {
  void tx;
  void order;
}
