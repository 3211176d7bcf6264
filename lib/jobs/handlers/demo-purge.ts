import { phoneSubject, personSubject } from "@/lib/audit/personal-data";
import { TX_OPTIONS, getDb } from "@/lib/db/client";
import { isDemoPhone } from "@/lib/demo/phones";
import { getStorage } from "@/lib/storage";

/** Demo cabinets purged per run; the next run takes the rest. */
const BATCH = 50;

/**
 * Removes demo cabinets past their end (BIZ-3): every row of them and every stored file, and the
 * demo people who belong to nothing else. Audit rows stay — the trail is append-only — but what
 * they say of those people is sealed under keys deleted here, so it reads as erased
 * (docs/architecture.md, Demo cabinets).
 */
export async function demoPurgeJob(): Promise<void> {
  const db = getDb();
  const expired = await db.partner.findMany({
    where: { demoExpiresAt: { lt: new Date() } },
    select: { id: true },
    take: BATCH,
  });
  for (const { id } of expired) await purgeDemoCabinet(id);
}

export async function purgeDemoCabinet(partnerId: string): Promise<void> {
  const db = getDb();
  const keys = await db.$transaction(async (tx) => {
    const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { demoExpiresAt: true } });
    if (!partner?.demoExpiresAt || partner.demoExpiresAt >= new Date()) return [];
    const members = await tx.membership.findMany({
      where: { partnerId },
      select: {
        person: { select: { id: true, phone: true, _count: { select: { memberships: true, staffRoles: true } } } },
      },
    });
    // Demo people of this cabinet only: a demo number, no other cabinet, no desk.
    const people = members
      .map((m) => m.person)
      .filter((p) => isDemoPhone(p.phone) && p._count.memberships === 1 && p._count.staffRoles === 0);
    const personIds = people.map((p) => p.id);
    const versions = await tx.documentVersion.findMany({ where: { partnerId }, select: { storageKey: true } });

    // Requests and sharing first (they point at documents), then the documents, then the rest.
    await tx.requestRead.deleteMany({ where: { partnerId } });
    await tx.requestStatusChange.deleteMany({ where: { partnerId } });
    await tx.requestNote.deleteMany({ where: { partnerId } });
    await tx.requestAttachment.deleteMany({ where: { partnerId } });
    await tx.requestMessage.deleteMany({ where: { partnerId } });
    await tx.request.updateMany({ where: { partnerId }, data: { linkedFromId: null } });
    await tx.request.deleteMany({ where: { partnerId } });
    await tx.requestCounter.deleteMany({ where: { partnerId } });
    await tx.signature.deleteMany({ where: { partnerId } });
    await tx.signatureRouteStep.deleteMany({ where: { partnerId } });
    await tx.signatureRoute.deleteMany({ where: { partnerId } });
    await tx.shareComment.deleteMany({ where: { partnerId } });
    await tx.shareDecision.deleteMany({ where: { partnerId } });
    await tx.shareGrantDocument.deleteMany({ where: { partnerId } });
    await tx.invoiceLine.deleteMany({ where: { partnerId } });
    await tx.serviceOrder.deleteMany({ where: { partnerId } });
    await tx.invoice.deleteMany({ where: { partnerId } });
    await tx.tariffChange.deleteMany({ where: { partnerId } });
    await tx.documentReceipt.deleteMany({ where: { partnerId } });
    await tx.document.updateMany({ where: { partnerId }, data: { currentVersionId: null } });
    await tx.documentVersion.deleteMany({ where: { partnerId } });
    await tx.document.deleteMany({ where: { partnerId } });
    await tx.shareGrant.deleteMany({ where: { partnerId } });
    await tx.staffAssignment.deleteMany({ where: { partnerId } });
    await tx.invitation.deleteMany({ where: { partnerId } });
    await tx.partnerStatusChange.deleteMany({ where: { partnerId } });
    await tx.notification.deleteMany({ where: { OR: [{ partnerId }, { personId: { in: personIds } }] } });
    await tx.membership.deleteMany({ where: { partnerId } });
    await tx.session.deleteMany({ where: { OR: [{ personId: { in: personIds } }, { activePartnerId: partnerId }] } });
    await tx.legalAcceptance.deleteMany({ where: { personId: { in: personIds } } });
    await tx.notificationPreference.deleteMany({ where: { personId: { in: personIds } } });
    await tx.personalDataKey.deleteMany({
      where: {
        subject: { in: [...people.map((p) => personSubject(p.id)), ...people.map((p) => phoneSubject(p.phone))] },
      },
    });
    await tx.person.deleteMany({ where: { id: { in: personIds } } });
    await tx.partner.delete({ where: { id: partnerId } });
    return versions.map((v) => v.storageKey);
  }, TX_OPTIONS);
  // Files after the rows: a crash in between leaves orphan files, never rows pointing at nothing.
  await Promise.allSettled(keys.map((key) => getStorage().delete(key)));
}
