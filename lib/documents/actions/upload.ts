import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { DeniedError, notFound } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { DOCUMENTS_EDIT, type DocumentActor } from "../access";
import { notifyDocumentSent } from "../notify";
import { documentCategory, monthRange, storedFileSchema } from "../schemas";
import { reserveStorage } from "../storage-quota";
import { titleFromFileName } from "../titles";

const commitUploadSchema = z.object({
  /** Staff: the Partner the documents go to (must be one they reach); members: ignored. */
  partnerId: z.uuid().optional(),
  category: documentCategory,
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(2000).optional(),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  files: z.array(storedFileSchema).min(1).max(20),
});

/** The Partner a document upload lands in: the member's own, or one the staff member reaches. */
export function targetPartner(actor: DocumentActor, requested: string | undefined): string {
  if (actor.kind === "member") return actor.partnerId;
  if (!requested || !actor.partnerIds.includes(requested)) throw notFound();
  return requested;
}

/** A RESTRICTED member uploads only into the categories ticked for them. */
export function assertCategory(actor: DocumentActor, category: string): void {
  if (actor.kind === "member" && actor.role === "RESTRICTED" && !actor.documentCategories.includes(category)) {
    throw new DeniedError("forbidden", "document_category_forbidden", undefined, "category_not_granted");
  }
}

/**
 * Records uploaded files as new documents (DOC-1, DOC-2), after the upload route has checked,
 * scanned and stored their bytes: the storage quota is taken in this transaction (a final check
 * at commit), each file becomes a document with version 1, and jobs extract its text and, where
 * scanning waits, scan it. A Partner's upload is its own draft; staff's goes to the Partner at once
 * (DOC-3) and the Partner's people are told.
 */
export const commitUpload = defineAction({
  name: "documents.upload",
  input: commitUploadSchema,
  access: DOCUMENTS_EDIT,
  audit: "document.uploaded",
  async handler({ input, tx, actor }) {
    const partnerId = targetPartner(actor, input.partnerId);
    assertCategory(actor, input.category);
    const staff = actor.kind === "staff" ? actor : null;
    await reserveStorage(
      tx,
      partnerId,
      input.files.reduce((sum, f) => sum + f.size, 0),
    );
    const at = now();
    const period = input.period ? monthRange(input.period) : null;
    const documents = [];
    for (const file of input.files) {
      const title = input.title && input.files.length === 1 ? input.title : titleFromFileName(file.originalName);
      const document = await tx.document.create({
        data: {
          partnerId,
          category: input.category,
          title,
          description: input.description ?? null,
          periodStart: period?.start ?? null,
          periodEnd: period?.end ?? null,
          direction: staff ? "FROM_OUTSOURCER" : "INTERNAL",
          status: staff ? "SENT" : "DRAFT",
          createdById: actor.personId,
          companyId: staff?.companyId ?? null,
          sentById: staff ? actor.personId : null,
          sentAt: staff ? at : null,
          versionCount: 1,
        },
        select: { id: true, title: true, category: true },
      });
      const version = await tx.documentVersion.create({
        data: {
          partnerId,
          documentId: document.id,
          number: 1,
          storageKey: file.storageKey,
          originalName: file.originalName,
          mime: file.mime,
          size: BigInt(file.size),
          sha256: file.sha256,
          uploadedById: actor.personId,
          scanStatus: file.scanStatus,
        },
        select: { id: true, number: true, size: true, sha256: true, mime: true },
      });
      await tx.document.update({ where: { id: document.id }, data: { currentVersionId: version.id } });
      await enqueueVersionJobs(tx, version.id, file.scanStatus);
      documents.push({ ...document, version: { ...version, size: Number(version.size) } });
    }
    if (staff) {
      await notifyDocumentSent(tx, {
        partnerId,
        direction: "FROM_OUTSOURCER",
        companyId: staff.companyId,
        category: input.category,
        titles: documents.map((d) => d.title),
        documentIds: documents.map((d) => d.id),
      });
    }
    return {
      data: { partnerId, documents },
      audit: {
        partnerId,
        targetType: "document",
        targetId: documents[0]?.id ?? null,
        details: {
          documents: documents.map((d) => ({
            id: d.id,
            version: d.version.id,
            sha256: d.version.sha256,
            size: d.version.size,
          })),
          category: input.category,
          sent: Boolean(staff),
        },
      },
    };
  },
});

/** Text extraction for search, and the virus scan when it could not be done at upload. */
export async function enqueueVersionJobs(
  tx: Parameters<typeof enqueueJob>[0],
  versionId: string,
  scanStatus: string,
): Promise<void> {
  if (scanStatus === "PENDING") await enqueueJob(tx, "document.scan", { versionId });
  else await enqueueJob(tx, "document.extract-text", { versionId });
}
