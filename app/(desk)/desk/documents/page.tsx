import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DocumentFilters } from "@/components/documents/filters";
import { DocumentList } from "@/components/documents/list";
import { deskDocumentsLoader } from "@/lib/documents/queries";
import { DOCUMENT_CATEGORIES } from "@/lib/permissions/catalog";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents"))("deskTitle") };
}

type Params = Record<string, string | string[] | undefined>;

/** DOC-3 at the desk: documents exchanged with every Partner this staff member serves; new ones first to see. */
export default async function DeskDocumentsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const input = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const data = await load(deskDocumentsLoader, input);
  const t = await getTranslations("documents");
  const filtered = Object.keys(input).some((k) => k !== "cursor" && input[k]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("deskTitle")}</h1>
        <p className="mt-1 text-muted">{t("deskIntro")}</p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Link
          href="/desk/documents?unread=1"
          className="inline-flex min-h-11 items-center rounded-full border border-line bg-white px-4 text-sm font-medium hover:border-brand-700"
          aria-current={input.unread === "1" ? "page" : undefined}
        >
          {data.unread > 0 ? t("inboxCount", { count: data.unread }) : t("inbox")}
        </Link>
        <Link
          href="/desk/documents"
          className="inline-flex min-h-11 items-center rounded-full border border-line bg-white px-4 text-sm font-medium hover:border-brand-700"
          aria-current={!filtered ? "page" : undefined}
        >
          {t("all")}
        </Link>
      </div>
      <DocumentFilters
        action="/desk/documents"
        categories={DOCUMENT_CATEGORIES}
        partners={data.partners}
        values={{ ...input, unread: input.unread === "1" }}
      />
      <DocumentList
        items={data.items}
        hrefBase="/desk/documents"
        showPartner
        empty={filtered ? t("nothingFound") : t("deskEmpty")}
      />
      {data.nextCursor ? (
        <Link
          className="inline-block font-medium text-brand-700 underline"
          href={`/desk/documents?${new URLSearchParams({
            ...Object.fromEntries(
              Object.entries(input).filter((e): e is [string, string] => Boolean(e[1]) && e[0] !== "cursor"),
            ),
            cursor: data.nextCursor,
          })}`}
        >
          {t("next")}
        </Link>
      ) : null}
    </div>
  );
}
