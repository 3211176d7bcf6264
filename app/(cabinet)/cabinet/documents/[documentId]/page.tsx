import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DocumentDetail } from "@/components/documents/detail";
import { DocumentShares } from "@/components/sharing/document-shares";
import { RoutePanel } from "@/components/signatures/route-panel";
import { documentDetailLoader } from "@/lib/documents/queries";
import { can } from "@/lib/permissions/catalog";
import { documentSharesLoader } from "@/lib/sharing/queries";
import { documentRoutesLoader, routePeopleLoader } from "@/lib/signatures/queries";
import { requireModule } from "@/lib/tenancy/cabinet";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents"))("title") };
}

/** One document of the Partner's library. */
export default async function DocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  const { actor } = await requireModule("documents");
  const { documentId } = await params;
  const doc = await load(documentDetailLoader, { documentId });
  // Shares, the view log and the thread, for members who may see sharing (DOC-4).
  const shares = can(actor.rights, "sharing.view") ? await load(documentSharesLoader, { documentId }) : null;
  // Routes for approval and signature (DOC-5); the people picker for those who may send one.
  const routes = await load(documentRoutesLoader, { documentId });
  const people = routes.canCreate ? await load(routePeopleLoader, {}) : null;
  const t = await getTranslations("documents");
  return (
    <div className="space-y-4">
      <Link href="/cabinet/documents" className="text-sm font-medium text-brand-700 underline">
        {t("back")}
      </Link>
      <DocumentDetail doc={doc} side="partner" />
      <RoutePanel data={routes} people={people} />
      {shares ? (
        <DocumentShares documentId={documentId} data={shares} canEdit={can(actor.rights, "sharing.edit")} />
      ) : null}
    </div>
  );
}
