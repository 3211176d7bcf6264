import { writeAudit } from "@/lib/audit/write";
import { TX_OPTIONS, getDb } from "@/lib/db/client";
import { withLocalCopy } from "@/lib/documents/local-copy";
import { scanFile } from "@/lib/documents/scan/clamd";
import { reserveStorage } from "@/lib/documents/storage-quota";
import { env } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { getStorage } from "@/lib/storage";

/**
 * Scans a version that could not be scanned at upload (clamd was unreachable). Clean: it becomes
 * visible to everyone who may see the document, and its text is extracted. Infected: it is never
 * served, its bytes are removed and their storage released, and the audit trail says so.
 */
export async function documentScanJob({ versionId }: { versionId: string }): Promise<void> {
  const url = env().CLAMAV_URL;
  if (!url) throw new Error("CLAMAV_URL is not set: the version waits for a scanner");
  const db = getDb();
  const version = await db.documentVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      partnerId: true,
      documentId: true,
      storageKey: true,
      size: true,
      scanStatus: true,
      uploadedById: true,
    },
  });
  if (!version || version.scanStatus !== "PENDING") return;
  const result = await withLocalCopy(version.storageKey, (file) => scanFile(file, url));
  if (result.status === "clean") {
    await db.$transaction(async (tx) => {
      const { count } = await tx.documentVersion.updateMany({
        where: { id: version.id, scanStatus: "PENDING" },
        data: { scanStatus: "CLEAN" },
      });
      if (count === 1) await enqueueJob(tx, "document.extract-text", { versionId: version.id });
    }, TX_OPTIONS);
    return;
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.documentVersion.updateMany({
      where: { id: version.id, scanStatus: "PENDING" },
      data: { scanStatus: "INFECTED" },
    });
    if (count !== 1) return;
    await reserveStorage(tx, version.partnerId, -Number(version.size));
    await writeAudit(tx, {
      action: "document.infected",
      outcome: "SUCCESS",
      partnerId: version.partnerId,
      actorPersonId: null,
      actorRole: "system",
      targetType: "document",
      targetId: version.documentId,
      details: { version: version.id, signature: result.signature, uploadedBy: version.uploadedById },
    });
  }, TX_OPTIONS);
  await getStorage().delete(version.storageKey);
}
