import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DocumentDetail } from "@/components/documents/detail";
import { documentDetailLoader } from "@/lib/documents/queries";
import { requireModule } from "@/lib/tenancy/cabinet";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents"))("title") };
}

/** One document of the Partner's library. */
export default async function DocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  await requireModule("documents");
  const doc = await load(documentDetailLoader, { documentId: (await params).documentId });
  const t = await getTranslations("documents");
  return (
    <div className="space-y-4">
      <Link href="/cabinet/documents" className="text-sm font-medium text-brand-700 underline">
        {t("back")}
      </Link>
      <DocumentDetail doc={doc} side="partner" />
    </div>
  );
}
