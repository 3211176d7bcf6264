import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { AppError, DeniedError, notFound } from "@/lib/errors/app-error";
import { visibleDocuments } from "../access";
import { documentIdSchema } from "../schemas";

/** A Partner archives its own draft that was never sent (001 §3.7): it leaves the library list, nothing is removed. */
export const archiveDocument = defineAction({
  name: "documents.archive",
  input: documentIdSchema,
  access: { member: "documents.edit" },
  audit: "document.archived",
  async handler({ input, tx, actor }) {
    const document = await tx.document.findFirst({
      where: { id: input.documentId, ...visibleDocuments(actor) },
      select: { id: true, status: true, direction: true },
    });
    if (!document) throw notFound();
    if (document.direction !== "INTERNAL")
      throw new DeniedError("forbidden", "document_not_yours", undefined, "other_side_document");
    const { count } = await tx.document.updateMany({
      where: { id: document.id, status: "DRAFT", sentAt: null },
      data: { status: "ARCHIVED", archivedAt: now() },
    });
    if (count !== 1) throw new AppError("conflict", "document_not_draft");
    return { data: { documentId: document.id }, audit: { targetType: "document", targetId: document.id } };
  },
});
