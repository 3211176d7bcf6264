import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { translator } from "@/lib/i18n/messages";

/**
 * Tells the other side of the exchange that a document arrived (DOC-3): an e-mail job per person with
 * an address, enqueued in the transaction of the change. The in-app inbox shows it either way.
 */
export async function notifyDocumentSent(
  tx: Prisma.TransactionClient,
  args: {
    partnerId: string;
    direction: "TO_OUTSOURCER" | "FROM_OUTSOURCER";
    companyId: string;
    titles: string[];
    category: string;
  },
): Promise<void> {
  const recipients =
    args.direction === "FROM_OUTSOURCER"
      ? await tx.membership.findMany({
          where: {
            partnerId: args.partnerId,
            status: "ACTIVE",
            OR: [{ role: { in: ["PRIMARY", "FULL"] } }, { documentCategories: { has: args.category } }],
            person: { email: { not: null } },
          },
          select: { person: { select: { email: true, locale: true } } },
        })
      : await tx.staffMember.findMany({
          where: {
            companyId: args.companyId,
            OR: [{ role: "MANAGER" }, { assignments: { some: { partnerId: args.partnerId } } }],
            person: { email: { not: null } },
          },
          select: { person: { select: { email: true, locale: true } } },
        });
  const partner = await tx.partner.findUnique({ where: { id: args.partnerId }, select: { name: true } });
  for (const { person } of recipients) {
    if (!person.email) continue;
    const t = translator(person.locale);
    await enqueueJob(tx, "email.send", {
      to: person.email,
      subject: t(`documents.notify.subject.${args.direction}` as never, { partner: partner?.name ?? "" } as never),
      text: t(
        `documents.notify.text.${args.direction}` as never,
        {
          partner: partner?.name ?? "",
          titles: args.titles.join("\n"),
        } as never,
      ),
    });
  }
}
