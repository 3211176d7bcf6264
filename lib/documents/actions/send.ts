import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { AppError, DeniedError, notFound } from "@/lib/errors/app-error";
import { visibleDocuments } from "../access";
import { notifyDocumentSent } from "../notify";
import { documentIdSchema } from "../schemas";

/**
 * A Partner sends its document to its outsourcing company (DOC-3): from then on the document is
 * legally significant (the database keeps what it was sent with and refuses its removal), the
 * company's staff see it as new, and they are told.
 */
export const sendDocument = defineAction({
  name: "documents.send",
  input: documentIdSchema,
  access: { member: "documents.edit" },
  audit: "document.sent",
  async handler({ input, tx, actor }) {
    const document = await tx.document.findFirst({
      where: { id: input.documentId, ...visibleDocuments(actor) },
      select: {
        id: true,
        title: true,
        category: true,
        status: true,
        direction: true,
        currentVersion: { select: { id: true, sha256: true, scanStatus: true } },
      },
    });
    if (!document) throw notFound();
    if (document.direction !== "INTERNAL")
      throw new DeniedError("forbidden", "document_not_yours", undefined, "other_side_document");
    if (document.status !== "DRAFT") throw new AppError("conflict", "document_not_draft");
    if (!document.currentVersion || document.currentVersion.scanStatus === "PENDING")
      throw new AppError("conflict", "document_scan_pending");
    const partner = await tx.partner.findUnique({
      where: { id: actor.partnerId },
      select: { outsourcingCompanyId: true },
    });
    const companyId = partner?.outsourcingCompanyId;
    if (!companyId) throw new AppError("conflict", "no_serving_company");
    const { count } = await tx.document.updateMany({
      where: { id: document.id, status: "DRAFT", sentAt: null },
      data: {
        status: "SENT",
        direction: "TO_OUTSOURCER",
        companyId,
        sentById: actor.personId,
        sentAt: now(),
      },
    });
    if (count !== 1) throw new AppError("conflict", "document_not_draft");
    await notifyDocumentSent(tx, {
      partnerId: actor.partnerId,
      direction: "TO_OUTSOURCER",
      companyId,
      category: document.category,
      titles: [document.title],
      documentIds: [document.id],
    });
    return {
      data: { documentId: document.id },
      audit: {
        targetType: "document",
        targetId: document.id,
        details: { companyId, version: document.currentVersion.id, sha256: document.currentVersion.sha256 },
      },
    };
  },
});
