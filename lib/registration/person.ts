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
  const documents = await currentLegalDocuments(tx, ctx.locale, at);
  if (documents.length < 3) throw new Error("legal documents are not seeded");
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
  await tx.legalAcceptance.createMany({
    data: documents.map((doc) => ({
      personId: person.id,
      documentId: doc.id,
      acceptedAt: at,
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent,
    })),
  });
  const consent = (partnerId: string, actorRole: string): AuditEntry => ({
    action: "auth.consent_accepted",
    outcome: "SUCCESS",
    partnerId,
    actorPersonId: person.id,
    actorRole,
    actorPhone: input.phone,
    targetType: "person",
    targetId: person.id,
    details: {
      documents: documents.map((d) => ({ kind: d.kind, version: d.version, locale: d.locale })),
      adultConfirmed: true,
    },
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
    requestId: ctx.meta.requestId,
  });
  return { person, consent };
}
