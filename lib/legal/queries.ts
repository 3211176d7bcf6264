import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import type { LegalDocumentKind } from "@/lib/generated/prisma/client";
import { REGISTRATION_DOCUMENTS, currentLegalDocuments } from "./documents";

/** The public edition in force of a legal text (platform-wide data, not owned by a Partner). */
export async function getCurrentLegalDocument(kind: string, locale: string) {
  if (!REGISTRATION_DOCUMENTS.includes(kind as LegalDocumentKind)) return null;
  const documents = await getDb().$transaction((tx) => currentLegalDocuments(tx, locale, now()));
  return documents.find((d) => d.kind === kind) ?? null;
}
