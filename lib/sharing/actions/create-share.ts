import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { visibleDocuments } from "@/lib/documents/access";
import { AppError, notFound } from "@/lib/errors/app-error";
import { DEFAULT_SHARE_DAYS, MAX_SHARE_DAYS } from "../rights";
import { createShareSchema } from "../schemas";
import { sendShareSms } from "../sms";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A member with "sharing: edit" shares documents they can see with a counterparty's person (DOC-4).
 * The person is found by phone or created with the name given (no Partner, no registration: the
 * login by code lets a person with a live grant in). One grant, one row per document, an SMS job.
 */
export const createShare = defineAction({
  name: "sharing.create",
  input: createShareSchema,
  access: { member: "sharing.edit" },
  audit: "share.created",
  async handler({ input, tx, actor, ctx }) {
    const at = now();
    const expiresAt = input.expiresAt ?? new Date(at.getTime() + DEFAULT_SHARE_DAYS * DAY_MS);
    if (expiresAt.getTime() <= at.getTime() || expiresAt.getTime() > at.getTime() + MAX_SHARE_DAYS * DAY_MS)
      throw new AppError("invalid_input", "invalid_input", { expiresAt: ["share_expiry_range"] });
    if (input.phone === actor.phone) throw new AppError("invalid_input", "invalid_input", { phone: ["share_self"] });
    // A demo cabinet texts no real person (BIZ-3): sharing opens once the visitor has made it real.
    const demo = await tx.partner.findUnique({ where: { id: actor.partnerId }, select: { demoExpiresAt: true } });
    if (demo?.demoExpiresAt) throw new AppError("conflict", "demo_no_sms");

    const documentIds = [...new Set(input.documentIds)];
    const documents = await tx.document.findMany({
      where: { id: { in: documentIds }, archivedAt: null, currentVersionId: { not: null }, ...visibleDocuments(actor) },
      select: { id: true },
    });
    if (documents.length !== documentIds.length) throw notFound();

    const person =
      (await tx.person.findUnique({ where: { phone: input.phone }, select: { id: true, locale: true } })) ??
      (await tx.person.create({
        data: { phone: input.phone, name: input.name, locale: ctx.locale },
        select: { id: true, locale: true },
      }));
    const grant = await tx.shareGrant.create({
      data: {
        partnerId: actor.partnerId,
        personId: person.id,
        rights: input.rights,
        expiresAt,
        createdById: actor.personId,
        organisationName: input.organisationName,
        organisationBin: input.organisationBin,
        allowDownload: input.allowDownload,
        watermark: input.watermark,
      },
      select: { id: true },
    });
    await tx.shareGrantDocument.createMany({
      data: documentIds.map((documentId) => ({ partnerId: actor.partnerId, grantId: grant.id, documentId })),
    });
    const partner = await tx.partner.findUniqueOrThrow({ where: { id: actor.partnerId }, select: { name: true } });
    await sendShareSms(tx, {
      phone: input.phone,
      partnerName: partner.name,
      locale: person.locale,
      count: documentIds.length,
    });
    return {
      data: { id: grant.id, personId: person.id, expiresAt },
      audit: {
        targetType: "share",
        targetId: grant.id,
        details: {
          personId: person.id,
          documentIds,
          rights: input.rights,
          expiresAt: expiresAt.toISOString(),
          allowDownload: input.allowDownload,
          watermark: input.watermark,
          organisationBin: input.organisationBin,
        },
      },
    };
  },
});
