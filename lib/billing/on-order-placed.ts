import type { Prisma } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { createRequest } from "@/lib/requests/thread";
import type { MemberActor } from "@/lib/tenancy/actor";

export interface PlacedOrder {
  orderId: string;
  partnerId: string;
  serviceSlug: string;
  serviceTitle: string;
  invoiceId: string;
  orderedById: string;
}

/**
 * Called in the ordering transaction once the order and its invoice are written: the order becomes
 * a request to the outsourcing company (BIZ-2), from the person who ordered, outside the monthly
 * request limit (the service is paid for). Only when the Partner has a serving company.
 */
export async function onOrderPlaced(tx: Prisma.TransactionClient, order: PlacedOrder): Promise<void> {
  const partner = await tx.partner.findUnique({
    where: { id: order.partnerId },
    select: { outsourcingCompanyId: true },
  });
  if (!partner?.outsourcingCompanyId) return;
  const person = await tx.person.findUnique({ where: { id: order.orderedById }, select: { locale: true } });
  const t = translator(person?.locale ?? "ru");
  const orderedBy: MemberActor = {
    kind: "member",
    sessionId: "",
    personId: order.orderedById,
    phone: "",
    partnerId: order.partnerId,
    role: "PRIMARY",
    rights: new Set(),
    documentCategories: [],
  };
  await createRequest(
    tx,
    orderedBy,
    {
      category: "other",
      priority: "normal",
      subject: t("requests.order.subject" as never, { service: order.serviceTitle } as never),
      text: t("requests.order.text" as never, { service: order.serviceTitle } as never),
      documentIds: [],
    },
    null,
    { countsAgainstQuota: false },
  );
}
