import { defineAction } from "@/lib/actions/define-action";
import { personSubject, personal, phoneSubject } from "@/lib/audit/personal-data";
import { writeAudit } from "@/lib/audit/write";
import { phoneSchema } from "@/lib/auth/schemas";
import { consumeStepUpCode, countingStepUpFailures } from "@/lib/auth/step-up";
import { now } from "@/lib/clock";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isLocale } from "@/lib/i18n/config";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { assertTaxIdFree, withTaxIdGuard } from "@/lib/partner/tax-id";
import { acceptLegalTexts } from "@/lib/registration/person";
import { assertNewRealPhone, convertibleDemo, phoneTaken } from "../conversion";
import { isDemoPhone } from "../phones";
import { convertDemoSchema } from "../schemas";

/**
 * The visitor turns their demo cabinet into a real Partner (BIZ-3), in one transaction: the code
 * sent to their real number is used up, the person gets that number and the registration's data
 * (with each legal text accepted, 18+ confirmed), the Partner its name, type and BIN and is no
 * longer purged — it stays in DEMO without a service contract until an operator activates one.
 * The sample data goes: sample documents (their files by a job after the commit), sample requests
 * with their threads, the sample users and the people behind them, and the demo outsourcer's
 * assignment; what the visitor made stays. Sessions stay valid: they now carry the real number.
 */
export const convertDemo = countingStepUpFailures(
  defineAction({
    name: "demo.convert",
    input: convertDemoSchema,
    // Only the primary user decides what becomes of the cabinet.
    access: { member: "cabinet.close" },
    audit: "demo.converted",
    async handler({ input, tx, actor, ctx }) {
      const at = now();
      const partnerId = actor.partnerId;
      // Two conversions of one cabinet run one after the other; the second finds it converted.
      await tx.$queryRaw`SELECT id FROM partner WHERE id = ${partnerId}::uuid FOR UPDATE`;
      await convertibleDemo(tx, partnerId);
      await assertNewRealPhone(tx, input.phone);
      await assertTaxIdFree(tx, input.taxId, partnerId);
      await consumeStepUpCode(tx, input.phone, input.code);

      const removed = await removeSampleData(tx, partnerId, actor.personId);

      await withPhoneGuard(() =>
        tx.person.update({
          where: { id: actor.personId },
          data: {
            phone: input.phone,
            name: input.name,
            email: input.email,
            locale: isLocale(ctx.locale) ? ctx.locale : "ru",
            adultConfirmedAt: at,
            lastActivityAt: at,
          },
        }),
      );
      const consent = await acceptLegalTexts(tx, { personId: actor.personId, phone: input.phone, ctx, at });
      // The visitor stays logged in: their sessions now belong to the real number.
      await tx.session.updateMany({ where: { personId: actor.personId }, data: { phone: input.phone } });

      await withTaxIdGuard(() =>
        tx.partner.update({
          where: { id: partnerId },
          data: {
            type: input.partnerType,
            name: input.partnerName,
            taxId: input.taxId,
            demoExpiresAt: null,
            // Served by nobody until an operator sets the company and activates a contract, as after
            // registration; the demo outsourcer and the sample requisites go with the sample data.
            outsourcingCompanyId: null,
            legalAddress: null,
            postalAddress: null,
            headName: null,
            headPosition: null,
            bankName: null,
            bik: null,
            iban: null,
            contactPhone: null,
            contactEmail: null,
            storageUsedBytes: { decrement: removed.bytes },
          },
        }),
      );
      await writeAudit(tx, consent(partnerId, "PRIMARY"));
      if (removed.storageKeys.length > 0) await enqueueJob(tx, "storage.delete-files", { keys: removed.storageKeys });

      return {
        data: { partnerId },
        audit: {
          targetType: "partner",
          targetId: partnerId,
          details: {
            partnerType: input.partnerType,
            partnerName: input.partnerName,
            taxId: input.taxId,
            person: personal(personSubject(actor.personId), { name: input.name, email: input.email }),
            phone: personal(phoneSubject(input.phone), input.phone),
            removed: { documents: removed.documents, requests: removed.requests, members: removed.members },
          },
        },
      };
    },
  }),
  // The code went to the number being confirmed, not to the session's demo number.
  (rawInput) => {
    const parsed = phoneSchema.safeParse((rawInput as { phone?: unknown } | null)?.phone);
    return parsed.success ? parsed.data : null;
  },
);

/**
 * Removes the sample rows of a demo cabinet, as the purge removes a whole one but only what is
 * marked sample: documents and what points at them, requests with their threads, the sample users
 * (every member with a demo number but the visitor: nobody else can have one) and the people behind
 * them with their audit keys (what the kept audit rows say of them reads as erased). Returns the
 * files to remove after the commit.
 */
async function removeSampleData(tx: Prisma.TransactionClient, partnerId: string, primaryId: string) {
  const documents = await tx.document.findMany({ where: { partnerId, sample: true }, select: { id: true } });
  const documentIds = documents.map((d) => d.id);
  const versions = await tx.documentVersion.findMany({
    where: { partnerId, documentId: { in: documentIds } },
    select: { storageKey: true, size: true },
  });
  const requests = await tx.request.findMany({ where: { partnerId, sample: true }, select: { id: true } });
  const requestIds = requests.map((r) => r.id);
  const members = await tx.membership.findMany({
    where: { partnerId, personId: { not: primaryId } },
    select: {
      id: true,
      sample: true,
      person: { select: { id: true, phone: true, _count: { select: { memberships: true, staffRoles: true } } } },
    },
  });
  const sampleMembers = members.filter((m) => m.sample || isDemoPhone(m.person.phone));
  const people = sampleMembers
    .map((m) => m.person)
    .filter((p) => isDemoPhone(p.phone) && p._count.memberships === 1 && p._count.staffRoles === 0);
  const personIds = people.map((p) => p.id);

  // Requests first (their attachments point at documents), then the documents, then the people.
  await tx.requestRead.deleteMany({
    where: { partnerId, OR: [{ requestId: { in: requestIds } }, { personId: { in: personIds } }] },
  });
  await tx.requestStatusChange.deleteMany({ where: { partnerId, requestId: { in: requestIds } } });
  await tx.requestNote.deleteMany({ where: { partnerId, requestId: { in: requestIds } } });
  await tx.requestAttachment.deleteMany({
    where: { partnerId, OR: [{ message: { requestId: { in: requestIds } } }, { documentId: { in: documentIds } }] },
  });
  await tx.requestMessage.deleteMany({ where: { partnerId, requestId: { in: requestIds } } });
  await tx.request.updateMany({ where: { partnerId, linkedFromId: { in: requestIds } }, data: { linkedFromId: null } });
  await tx.request.deleteMany({ where: { partnerId, id: { in: requestIds } } });

  await tx.shareComment.deleteMany({ where: { partnerId, documentId: { in: documentIds } } });
  await tx.shareDecision.deleteMany({ where: { partnerId, documentId: { in: documentIds } } });
  await tx.shareGrantDocument.deleteMany({ where: { partnerId, documentId: { in: documentIds } } });
  await tx.documentReceipt.deleteMany({
    where: { partnerId, OR: [{ documentId: { in: documentIds } }, { personId: { in: personIds } }] },
  });
  await tx.document.updateMany({ where: { partnerId, id: { in: documentIds } }, data: { currentVersionId: null } });
  await tx.documentVersion.deleteMany({ where: { partnerId, documentId: { in: documentIds } } });
  await tx.document.deleteMany({ where: { partnerId, id: { in: documentIds } } });

  // The bell's entries about sample items, and everything of the sample people.
  const links = [...documentIds, ...requestIds].map((id) => ({ link: { contains: id } }));
  await tx.notification.deleteMany({
    where: { OR: [...(links.length > 0 ? [{ partnerId, OR: links }] : []), { personId: { in: personIds } }] },
  });
  await tx.staffAssignment.deleteMany({ where: { partnerId } });
  await tx.membership.deleteMany({ where: { partnerId, id: { in: sampleMembers.map((m) => m.id) } } });
  await tx.session.deleteMany({ where: { personId: { in: personIds } } });
  await tx.legalAcceptance.deleteMany({ where: { personId: { in: personIds } } });
  await tx.notificationPreference.deleteMany({ where: { personId: { in: personIds } } });
  await tx.personalDataKey.deleteMany({
    where: {
      subject: { in: [...people.map((p) => personSubject(p.id)), ...people.map((p) => phoneSubject(p.phone))] },
    },
  });
  await tx.person.deleteMany({ where: { id: { in: personIds } } });

  return {
    documents: documentIds.length,
    requests: requestIds.length,
    members: sampleMembers.length,
    bytes: versions.reduce((sum, v) => sum + v.size, BigInt(0)),
    storageKeys: versions.map((v) => v.storageKey),
  };
}

/** Two visitors claiming one number at once: the unique index decides, the loser gets the field error. */
async function withPhoneGuard<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const { code, meta } = (error ?? {}) as { code?: string; meta?: unknown };
    if (code === "P2002" && JSON.stringify(meta ?? {}).includes("phone")) throw phoneTaken();
    throw error;
  }
}
