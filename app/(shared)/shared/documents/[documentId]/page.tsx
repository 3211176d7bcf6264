import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Preview } from "@/components/documents/preview";
import { previewKind } from "@/components/documents/preview-kind";
import { CommentForm, DecisionForm } from "@/components/sharing/forms";
import { SharedThread } from "@/components/sharing/thread";
import { RoutePanel } from "@/components/signatures/route-panel";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { sharedDocumentLoader } from "@/lib/sharing/queries";
import { documentRoutesLoader } from "@/lib/signatures/queries";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("places"))("sharedTitle") };
}

/** One document shared with the counterparty: preview, download if allowed, comments, approve/reject. */
export default async function SharedDocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  const doc = await load(sharedDocumentLoader, { documentId });
  const routes = await load(documentRoutesLoader, { documentId });
  const t = await getTranslations("sharing");
  const file = `/api/shared/documents/${doc.id}/file`;
  return (
    <div className="space-y-4">
      <Link href="/shared" className="text-sm font-medium text-brand-700 underline">
        {t("shared.back")}
      </Link>
      <Card className="space-y-3">
        <h1 className="text-2xl font-bold break-words">{doc.title}</h1>
        <p className="text-sm text-muted">
          {t("shared.from", { partner: doc.partnerName })}
          {doc.version ? ` · ${t("shared.version", { number: doc.version.number })}` : ""}
        </p>
        {doc.description ? <p className="break-words whitespace-pre-wrap">{doc.description}</p> : null}
        {doc.allowDownload && doc.version ? (
          <Button asChild variant="secondary">
            <a href={file} download>
              {t("shared.download")}
            </a>
          </Button>
        ) : null}
      </Card>
      {doc.version ? (
        !previewKind(doc.version.mime) ? (
          <p className="text-sm text-muted">{t("shared.noPreview")}</p>
        ) : (
          <Preview src={`${file}?inline=1`} mime={doc.version.mime} title={doc.title} />
        )
      ) : null}
      <RoutePanel data={routes} />
      {doc.rights.includes("approve") && doc.version ? (
        <Card>
          <DecisionForm documentId={doc.id} versionId={doc.version.id} />
        </Card>
      ) : null}
      <Card className="space-y-4">
        <SharedThread comments={doc.comments} decisions={doc.decisions} />
        {doc.rights.includes("comment") ? <CommentForm documentId={doc.id} /> : null}
      </Card>
    </div>
  );
}
