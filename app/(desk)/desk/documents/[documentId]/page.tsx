import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DocumentDetail } from "@/components/documents/detail";
import { ClientMessages } from "@/components/i18n/client-messages";
import { RoutePanel } from "@/components/signatures/route-panel";
import { documentDetailLoader } from "@/lib/documents/queries";
import { documentRoutesLoader } from "@/lib/signatures/queries";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents"))("deskTitle") };
}

/** One document exchanged with a Partner, as the desk sees it. */
export default async function DeskDocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  const doc = await load(documentDetailLoader, { documentId });
  const routes = await load(documentRoutesLoader, { documentId });
  const t = await getTranslations("documents");
  return (
    <ClientMessages namespaces={["documents.preview", "documents.upload", "signatures", "users"]}>
      <div className="space-y-4">
        <Link href="/desk/documents" className="text-sm font-medium text-brand-700 underline">
          {t("back")}
        </Link>
        <DocumentDetail doc={doc} side="desk" />
        <RoutePanel data={routes} />
      </div>
    </ClientMessages>
  );
}
