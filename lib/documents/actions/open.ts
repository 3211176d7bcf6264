import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors/app-error";
import { DOCUMENTS_VIEW, visibleDocuments, visibleVersions, type DocumentActor } from "../access";

const openSchema = z.object({ documentId: z.uuid(), versionId: z.uuid().optional() });

/**
 * Opening a document's file, before a byte of it is sent (AUD-1): finds the version the actor may
 * open, records the first opening by each person of the other side (read receipts, DOC-3), and
 * writes the audit row, in a short transaction of its own. The route streams the bytes afterwards.
 */
function openFile(name: string, audit: "document.viewed" | "document.downloaded") {
  return defineAction({
    name,
    input: openSchema,
    access: DOCUMENTS_VIEW,
    audit,
    async handler({ input, tx, actor }) {
      const document = await tx.document.findFirst({
        where: { id: input.documentId, ...visibleDocuments(actor) },
        select: { id: true, partnerId: true, direction: true, currentVersionId: true },
      });
      if (!document) throw notFound();
      const version = await tx.documentVersion.findFirst({
        where: {
          documentId: document.id,
          id: input.versionId ?? document.currentVersionId ?? undefined,
          AND: [visibleVersions(actor)],
        },
        select: { id: true, number: true, storageKey: true, originalName: true, mime: true, size: true, sha256: true },
      });
      if (!version) throw notFound();
      if (isOtherSide(actor, document.direction)) {
        await tx.documentReceipt.createMany({
          data: [{ partnerId: document.partnerId, documentId: document.id, personId: actor.personId, openedAt: now() }],
          skipDuplicates: true,
        });
      }
      return {
        data: { ...version, size: Number(version.size) },
        audit: {
          partnerId: document.partnerId,
          targetType: "document",
          targetId: document.id,
          details: { version: version.id, number: version.number, sha256: version.sha256 },
        },
      };
    },
  });
}

/** The side a document was sent to: its opening is what the sender sees as "opened". */
function isOtherSide(actor: DocumentActor, direction: string): boolean {
  return actor.kind === "member" ? direction === "FROM_OUTSOURCER" : direction === "TO_OUTSOURCER";
}

export const viewDocumentFile = openFile("documents.view", "document.viewed");
export const downloadDocumentFile = openFile("documents.download", "document.downloaded");
