import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { notFound } from "@/lib/errors/app-error";
import { liveGrantOf, openableVersion, sharedDocumentsOf } from "../access";

const openSchema = z.object({ documentId: z.uuid(), versionId: z.uuid().optional() }).strict();

export interface SharedFile {
  id: string;
  number: number;
  storageKey: string;
  originalName: string;
  mime: string;
  size: number;
  sha256: string;
  /** Stamp PDFs with the viewer's name, phone and the time. */
  watermark: boolean;
  viewerName: string;
}

/**
 * A counterparty opens a shared document's file (DOC-4): only through a live grant of THAT document
 * (a download also needs a grant allowing downloads), read at this request. The audit row
 * (`document.viewed` / `document.downloaded`) goes to the Partner's chain with the version, before
 * a byte is sent, so the Partner's view log shows who, when, from which IP and which version.
 */
function openShared(name: string, audit: "document.viewed" | "document.downloaded") {
  return defineAction({
    name,
    input: openSchema,
    access: { counterparty: "shared.view" },
    audit,
    async handler({ input, tx, actor }) {
      const document = await tx.document.findFirst({
        where: { id: input.documentId, ...sharedDocumentsOf(actor.personId) },
        select: { id: true, partnerId: true, currentVersionId: true },
      });
      if (!document) throw notFound();
      const grants = await tx.shareGrant.findMany({
        where: {
          ...liveGrantOf(actor.personId),
          documents: { some: { documentId: document.id } },
          ...(audit === "document.downloaded" ? { allowDownload: true } : {}),
        },
        select: { id: true, watermark: true },
      });
      if (grants.length === 0) throw notFound();
      const version = await tx.documentVersion.findFirst({
        where: {
          documentId: document.id,
          id: input.versionId ?? document.currentVersionId ?? undefined,
          ...openableVersion,
        },
        select: { id: true, number: true, storageKey: true, originalName: true, mime: true, size: true, sha256: true },
      });
      if (!version) throw notFound();
      const person = await tx.person.findUniqueOrThrow({ where: { id: actor.personId }, select: { name: true } });
      const file: SharedFile = {
        ...version,
        size: Number(version.size),
        // Stamped unless some live grant of it shows the file plain.
        watermark: grants.every((g) => g.watermark),
        viewerName: person.name,
      };
      return {
        data: file,
        audit: {
          partnerId: document.partnerId,
          targetType: "document",
          targetId: document.id,
          details: {
            version: version.id,
            number: version.number,
            sha256: version.sha256,
            shares: grants.map((g) => g.id),
          },
        },
      };
    },
  });
}

export const viewSharedFile = openShared("sharing.view_file", "document.viewed");
export const downloadSharedFile = openShared("sharing.download_file", "document.downloaded");
