import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { visibleDocuments } from "@/lib/documents/access";
import { AppError, notFound } from "@/lib/errors/app-error";
import { DEFAULT_SHARE_DAYS, MAX_SHARE_DAYS } from "../rights";
import { createShareSchema } from "../schemas";
import { createGrant } from "../grant";

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

    const grant = await createGrant(tx, {
      partnerId: actor.partnerId,
      createdById: actor.personId,
      locale: ctx.locale,
      documentIds,
      phone: input.phone,
      name: input.name,
      organisationName: input.organisationName,
      organisationBin: input.organisationBin,
      rights: input.rights,
      expiresAt,
      allowDownload: input.allowDownload,
      watermark: input.watermark,
    });
    const person = { id: grant.personId };
    return {
      data: { id: grant.grantId, personId: person.id, expiresAt },
      audit: {
        targetType: "share",
        targetId: grant.grantId,
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
