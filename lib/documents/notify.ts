import type { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notify";

/**
 * Tells the other side of the exchange that documents arrived (DOC-3): a "document.received"
 * notification for each recipient, in the transaction of the change; each person's preferences
 * decide the e-mail and SMS copies (lib/notifications). The in-app inbox shows them either way.
 */
export async function notifyDocumentSent(
  tx: Prisma.TransactionClient,
  args: {
    partnerId: string;
    direction: "TO_OUTSOURCER" | "FROM_OUTSOURCER";
    companyId: string;
    titles: string[];
    category: string;
    /** The documents sent; one leads straight to it, several to the list. */
    documentIds?: string[];
  },
): Promise<void> {
  const toPartner = args.direction === "FROM_OUTSOURCER";
  const recipients = toPartner
    ? await tx.membership.findMany({
        where: {
          partnerId: args.partnerId,
          status: "ACTIVE",
          OR: [{ role: { in: ["PRIMARY", "FULL"] } }, { documentCategories: { has: args.category } }],
        },
        select: { personId: true },
      })
    : await tx.staffMember.findMany({
        where: {
          companyId: args.companyId,
          OR: [{ role: "MANAGER" }, { assignments: { some: { partnerId: args.partnerId } } }],
        },
        select: { personId: true },
      });
  if (recipients.length === 0) return;
  const partner = await tx.partner.findUnique({ where: { id: args.partnerId }, select: { name: true } });
  const base = toPartner ? "/cabinet/documents" : "/desk/documents";
  const single = args.documentIds?.length === 1 ? args.documentIds[0] : undefined;
  await notify(tx, {
    personIds: recipients.map((r) => r.personId),
    kind: "document.received",
    partnerId: args.partnerId,
    params: { partner: partner?.name ?? "", titles: args.titles.join(", ").slice(0, 500) },
    link: single ? `${base}/${single}` : base,
  });
}
