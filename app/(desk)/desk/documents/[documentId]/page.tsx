import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DocumentDetail } from "@/components/documents/detail";
import { documentDetailLoader } from "@/lib/documents/queries";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents"))("deskTitle") };
}

/** One document exchanged with a Partner, as the desk sees it. */
export default async function DeskDocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  const doc = await load(documentDetailLoader, { documentId: (await params).documentId });
  const t = await getTranslations("documents");
  return (
    <div className="space-y-4">
      <Link href="/desk/documents" className="text-sm font-medium text-brand-700 underline">
        {t("back")}
      </Link>
      <DocumentDetail doc={doc} side="desk" />
    </div>
  );
}
