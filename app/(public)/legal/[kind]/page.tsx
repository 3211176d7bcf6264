import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound, permanentRedirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getCurrentLegalDocument } from "@/lib/legal/queries";
import { LEGAL_SLUGS, legalKindFromSegment } from "@/lib/legal/slugs";

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }): Promise<Metadata> {
  const found = legalKindFromSegment((await params).kind);
  return found ? { title: (await getTranslations("legal"))(`kinds.${found.kind}`) } : {};
}

export default async function LegalDocumentPage({ params }: { params: Promise<{ kind: string }> }) {
  const found = legalKindFromSegment((await params).kind);
  if (!found) notFound();
  // Old links named the enum (/legal/USER_AGREEMENT): one address per text.
  if (!found.canonical) permanentRedirect(`/legal/${LEGAL_SLUGS[found.kind]}`);
  const doc = await getCurrentLegalDocument(found.kind, await getLocale());
  if (!doc) notFound();
  const t = await getTranslations("legal");
  return (
    <div className="px-4 py-8">
      <Card className="mx-auto max-w-3xl">
        <article lang={doc.locale}>
          <h1 className="text-2xl font-bold">{doc.title}</h1>
          <p className="mt-1 text-sm text-muted">{t("version", { version: doc.version, date: doc.effectiveAt })}</p>
          <div className="mt-6 space-y-4 whitespace-pre-line leading-relaxed">{doc.body}</div>
        </article>
      </Card>
    </div>
  );
}
