import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getCurrentLegalDocument } from "@/lib/legal/queries";

export default async function LegalDocumentPage({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  const doc = await getCurrentLegalDocument(kind, await getLocale());
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
