import type { ActionContext } from "@/lib/actions/define-action";
import type { AuditEntry } from "@/lib/audit/write";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isLocale } from "@/lib/i18n/config";
import { currentLegalDocuments } from "@/lib/legal/documents";

/**
 * Creates the person behind a verified new number, with each legal text in force accepted
 * (version, time, IP, user agent) and age 18+ confirmed (PRV-2). Returns the audit entry of the
 * consent, for the chain of the Partner the person joins.
 */
export async function createRegisteredPerson(
  tx: Prisma.TransactionClient,
  input: { phone: string; name: string; email: string; ctx: ActionContext; at: Date },
) {
  const { ctx, at } = input;
  if (await tx.person.findUnique({ where: { phone: input.phone }, select: { id: true } }))
    throw new AppError("conflict", "already_registered");
  const person = await tx.person.create({
    data: {
      phone: input.phone,
      name: input.name,
      email: input.email,
      locale: isLocale(ctx.locale) ? ctx.locale : "ru",
      adultConfirmedAt: at,
      lastActivityAt: at,
    },
  });
  const consent = await acceptLegalTexts(tx, { personId: person.id, phone: input.phone, ctx, at });
  return { person, consent };
}

/**
 * Records the person's acceptance of each legal text in force (version, time, IP, user agent), as
 * registration does (PRV-2); also used when a demo cabinet's visitor registers (lib/demo). Returns
 * the audit entry of the consent, for the chain of the Partner the person is in.
 */
export async function acceptLegalTexts(
  tx: Prisma.TransactionClient,
  input: { personId: string; phone: string; ctx: ActionContext; at: Date },
): Promise<(partnerId: string, actorRole: string) => AuditEntry> {
  const { ctx, at, personId } = input;
  const documents = await currentLegalDocuments(tx, ctx.locale, at);
  if (documents.length < 3) throw new Error("legal documents are not seeded");
  await tx.legalAcceptance.createMany({
    data: documents.map((doc) => ({
      personId,
      documentId: doc.id,
      acceptedAt: at,
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent,
    })),
    // A version the person accepted before stays accepted as it was.
    skipDuplicates: true,
  });
  return (partnerId, actorRole) => ({
    action: "auth.consent_accepted",
    outcome: "SUCCESS",
    partnerId,
    actorPersonId: personId,
    actorRole,
    actorPhone: input.phone,
    targetType: "person",
    targetId: personId,
    details: {
      documents: documents.map((d) => ({ kind: d.kind, version: d.version, locale: d.locale })),
      adultConfirmed: true,
    },
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
    requestId: ctx.meta.requestId,
  });
}
