import { getDb } from "@/lib/db/client";
import { extractText } from "@/lib/documents/extract-text";
import { withLocalCopy } from "@/lib/documents/local-copy";

/** Longest text kept for search per version. */
const MAX_TEXT = 200_000;

/** Extracts a version's text for full-text search (DOC-1); formats without text leave it empty. */
export async function documentTextJob({ versionId }: { versionId: string }): Promise<void> {
  const db = getDb();
  const version = await db.documentVersion.findUnique({
    where: { id: versionId },
    select: { storageKey: true, mime: true, scanStatus: true, text: true },
  });
  if (!version || version.text !== null || version.scanStatus === "INFECTED" || version.scanStatus === "PENDING")
    return;
  const text = await withLocalCopy(version.storageKey, (file) => extractText(file, version.mime));
  // Strip NULs PostgreSQL text cannot hold.
  const clean = (text ?? "").replace(/\u0000/g, "").slice(0, MAX_TEXT);
  await db.documentVersion.update({ where: { id: versionId }, data: { text: clean } });
}
