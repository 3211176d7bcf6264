import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { AppError, DeniedError, notFound } from "@/lib/errors/app-error";
import { DOCUMENTS_EDIT, ownsDirection, visibleDocuments } from "../access";
import { notifyDocumentSent } from "../notify";
import { storedFileSchema } from "../schemas";
import { reserveStorage } from "../storage-quota";
import { assertCategory, enqueueVersionJobs } from "./upload";
import { assertVersionNotFrozen } from "@/lib/signatures/frozen";

/**
 * A new version of a document is an upload onto it (DOC-2), by the side that owns the document.
 * Bytes equal to the current version's are reported as a duplicate and not stored twice; earlier
 * versions stay listed and downloadable. A sent document's new version reaches the other side too.
 */
export const commitVersion = defineAction({
  name: "documents.addVersion",
  input: z.object({ documentId: z.uuid(), file: storedFileSchema }),
  access: DOCUMENTS_EDIT,
  audit: "document.version_uploaded",
  async handler({ input, tx, actor }) {
    const document = await tx.document.findFirst({
      where: { id: input.documentId, ...visibleDocuments(actor) },
      select: {
        id: true,
        partnerId: true,
        title: true,
        category: true,
        status: true,
        direction: true,
        companyId: true,
        versionCount: true,
        currentVersion: { select: { sha256: true } },
      },
    });
    if (!document) throw notFound();
    if (!ownsDirection(actor, document.direction))
      throw new DeniedError("forbidden", "document_not_yours", undefined, "other_side_document");
    assertCategory(actor, document.category);
    if (document.status === "ARCHIVED") throw new AppError("conflict", "document_archived");
    if (document.currentVersion?.sha256 === input.file.sha256) throw new AppError("conflict", "document_duplicate");
    await assertVersionNotFrozen(tx, document.id);
    await reserveStorage(tx, document.partnerId, input.file.size);
    const number = document.versionCount + 1;
    const version = await tx.documentVersion.create({
      data: {
        partnerId: document.partnerId,
        documentId: document.id,
        number,
        storageKey: input.file.storageKey,
        originalName: input.file.originalName,
        mime: input.file.mime,
        size: BigInt(input.file.size),
        sha256: input.file.sha256,
        uploadedById: actor.personId,
        scanStatus: input.file.scanStatus,
      },
      select: { id: true, number: true, size: true, sha256: true, mime: true },
    });
    // Conditional on the count read above: a concurrent version makes this one a conflict.
    const { count } = await tx.document.updateMany({
      where: { id: document.id, versionCount: document.versionCount },
      data: { currentVersionId: version.id, versionCount: number },
    });
    if (count !== 1) throw new AppError("conflict");
    await enqueueVersionJobs(tx, version.id, input.file.scanStatus);
    if (document.status === "SENT" && document.companyId && document.direction !== "INTERNAL") {
      await notifyDocumentSent(tx, {
        partnerId: document.partnerId,
        direction: document.direction,
        companyId: document.companyId,
        category: document.category,
        titles: [document.title],
        documentIds: [document.id],
      });
    }
    return {
      data: {
        partnerId: document.partnerId,
        documents: [
          {
            id: document.id,
            title: document.title,
            category: document.category,
            version: { ...version, size: Number(version.size) },
          },
        ],
      },
      audit: {
        partnerId: document.partnerId,
        targetType: "document",
        targetId: document.id,
        details: { version: version.id, number, sha256: version.sha256, size: Number(version.size) },
      },
    };
  },
});
