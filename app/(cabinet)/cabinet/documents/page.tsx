import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { FileSize } from "@/components/documents/file-size";
import { DocumentFilters } from "@/components/documents/filters";
import { DocumentList } from "@/components/documents/list";
import { Uploader } from "@/components/documents/uploader";
import { Card } from "@/components/ui/card";
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_LABEL } from "@/lib/documents/inspect/allowed";
import { documentLibraryLoader } from "@/lib/documents/queries";
import { requireModule } from "@/lib/tenancy/cabinet";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents"))("title") };
}

type Params = Record<string, string | string[] | undefined>;

/** DOC-1..3: the Partner's library — upload, search and filter, the inbox of what the outsourcer sent. */
export default async function DocumentsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireModule("documents");
  const params = await searchParams;
  const input = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const data = await load(documentLibraryLoader, input);
  const t = await getTranslations("documents");
  const filtered = Object.keys(input).some((k) => k !== "cursor" && input[k]);
  const usedPercent = Math.min(100, Math.round((data.usage.usedBytes / Math.max(1, data.usage.limitBytes)) * 100));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-muted">{data.company ? t("intro", { company: data.company }) : t("introNoCompany")}</p>
      </div>
      <div className="flex flex-wrap gap-2" role="navigation" aria-label={t("views")}>
        <ViewLink href="/cabinet/documents" active={!filtered} label={t("all")} />
        <ViewLink
          href="/cabinet/documents?unread=1"
          active={input.unread === "1"}
          label={data.unread > 0 ? t("inboxCount", { count: data.unread }) : t("inbox")}
        />
        <ViewLink
          href="/cabinet/documents?status=ARCHIVED"
          active={input.status === "ARCHIVED"}
          label={t("archived")}
        />
      </div>

      <Card aria-labelledby="storage" className="space-y-2 p-4 sm:p-5">
        <h2 id="storage" className="text-sm font-semibold">
          {t("storage.title")}
        </h2>
        <div
          className="h-2 overflow-hidden rounded-full bg-line"
          role="meter"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={usedPercent}
          aria-labelledby="storage"
        >
          <div
            className={`h-full ${usedPercent >= 90 ? "bg-danger" : "bg-brand-700"}`}
            style={{ width: `${usedPercent}%` }}
          />
        </div>
        <p className="text-sm">
          {t.rich("storage.used", {
            used: () => <FileSize bytes={data.usage.usedBytes} />,
            limit: () => <FileSize bytes={data.usage.limitBytes} />,
          })}{" "}
          <Link href="/cabinet/tariff" className="font-medium text-brand-700 underline">
            {t("storage.plan")}
          </Link>
        </p>
      </Card>

      {data.canEdit ? (
        <Card aria-labelledby="upload" className="space-y-3">
          <h2 id="upload" className="text-lg font-semibold">
            {t("upload.heading")}
          </h2>
          <Uploader
            endpoint="/api/documents/upload"
            maxBytes={data.maxUploadBytes}
            accept={ACCEPT_ATTRIBUTE}
            allowedTypes={ALLOWED_TYPES_LABEL}
            categories={data.categories.map((c) => ({ value: c, label: t(`categories.${c}` as never) }))}
            defaultCategory={data.categories.includes("other") ? "other" : data.categories[0]}
          />
        </Card>
      ) : null}

      <DocumentFilters
        action="/cabinet/documents"
        categories={data.categories}
        values={{ ...input, unread: input.unread === "1" }}
      />
      <DocumentList
        items={data.items}
        hrefBase="/cabinet/documents"
        empty={filtered ? t("nothingFound") : t("empty")}
      />
      {data.nextCursor ? (
        <Link
          className="inline-block font-medium text-brand-700 underline"
          href={`/cabinet/documents?${new URLSearchParams({ ...clean(input), cursor: data.nextCursor })}`}
        >
          {t("next")}
        </Link>
      ) : null}
    </div>
  );
}

function clean(input: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(input).filter((e): e is [string, string] => Boolean(e[1]) && e[0] !== "cursor"),
  );
}

function ViewLink({ href, active, label }: { href: string; active: boolean; label: string }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`inline-flex min-h-11 items-center rounded-full border px-4 text-sm font-medium ${
        active ? "border-brand-700 bg-brand-700 text-white" : "border-line bg-white text-ink hover:border-brand-700"
      }`}
    >
      {label}
    </Link>
  );
}
