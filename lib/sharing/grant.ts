import type { Prisma } from "@/lib/generated/prisma/client";
import { sendShareSms } from "./sms";

export interface NewGrant {
  partnerId: string;
  createdById: string;
  /** The language of a person created here (the sharer's). */
  locale: string;
  documentIds: string[];
  phone: string;
  name: string;
  organisationName: string;
  organisationBin: string;
  rights: string[];
  expiresAt: Date;
  allowDownload: boolean;
  watermark: boolean;
}

/**
 * A share grant in the caller's transaction (DOC-4): the person found by phone or created with the
 * name given, one grant, one row per document, and the SMS with the login link as a job. Used by
 * `sharing.create` and by signature routes that include a counterparty (the grant has the sign right).
 */
export async function createGrant(
  tx: Prisma.TransactionClient,
  grant: NewGrant,
): Promise<{ grantId: string; personId: string }> {
  const person =
    (await tx.person.findUnique({ where: { phone: grant.phone }, select: { id: true, locale: true } })) ??
    (await tx.person.create({
      data: { phone: grant.phone, name: grant.name, locale: grant.locale },
      select: { id: true, locale: true },
    }));
  const row = await tx.shareGrant.create({
    data: {
      partnerId: grant.partnerId,
      personId: person.id,
      rights: grant.rights,
      expiresAt: grant.expiresAt,
      createdById: grant.createdById,
      organisationName: grant.organisationName,
      organisationBin: grant.organisationBin,
      allowDownload: grant.allowDownload,
      watermark: grant.watermark,
    },
    select: { id: true },
  });
  await tx.shareGrantDocument.createMany({
    data: grant.documentIds.map((documentId) => ({ partnerId: grant.partnerId, grantId: row.id, documentId })),
  });
  const partner = await tx.partner.findUniqueOrThrow({ where: { id: grant.partnerId }, select: { name: true } });
  await sendShareSms(tx, {
    phone: grant.phone,
    partnerName: partner.name,
    locale: person.locale,
    count: grant.documentIds.length,
  });
  return { grantId: row.id, personId: person.id };
}
