import type { LegalDocumentKind, Prisma } from "@/lib/generated/prisma/client";

/** The texts a new user accepts at registration (PRV-2). */
export const REGISTRATION_DOCUMENTS: readonly LegalDocumentKind[] = [
  "USER_AGREEMENT",
  "PRIVACY_POLICY",
  "PERSONAL_DATA_CONSENT",
];

/** The edition in force of each kind, in the locale asked for, else Russian (it prevails, 004). */
export async function currentLegalDocuments(tx: Prisma.TransactionClient, locale: string, at: Date) {
  const rows = await tx.legalDocument.findMany({
    where: { kind: { in: [...REGISTRATION_DOCUMENTS] }, effectiveAt: { lte: at } },
    orderBy: [{ version: "desc" }],
  });
  return REGISTRATION_DOCUMENTS.map((kind) => {
    const ofKind = rows.filter((r) => r.kind === kind);
    const latest = ofKind[0]?.version;
    const editions = ofKind.filter((r) => r.version === latest);
    return editions.find((r) => r.locale === locale) ?? editions.find((r) => r.locale === "ru") ?? null;
  }).filter((doc): doc is NonNullable<typeof doc> => doc !== null);
}
