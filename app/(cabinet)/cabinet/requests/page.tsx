import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { RequestList } from "@/components/requests/list";
import { requestListLoader } from "@/lib/requests/queries";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests"))("title") };
}

type Params = Record<string, string | string[] | undefined>;

/** REQ-1: the Partner's requests by due time, with unread counts. */
export default async function RequestsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const input = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const data = await load(requestListLoader, input);
  const t = await getTranslations("requests");
  const status = input.status ?? "open";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="mt-1 text-muted">{t("intro")}</p>
        </div>
        {data.canEdit ? (
          <Link
            href="/cabinet/requests/new"
            className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
          >
            {t("new")}
          </Link>
        ) : (
          <p className="text-sm text-muted">{t("viewOnly")}</p>
        )}
      </div>
      <nav className="flex flex-wrap gap-2" aria-label={t("fields.status")}>
        {(["open", "RESOLVED", "CLOSED", "all"] as const).map((s) => (
          <Link
            key={s}
            href={`/cabinet/requests?status=${s}`}
            aria-current={status === s ? "page" : undefined}
            className={`inline-flex min-h-11 items-center rounded-full border px-4 text-sm font-medium ${
              status === s ? "border-brand-700 bg-brand-700 text-white" : "border-line bg-white hover:border-brand-700"
            }`}
          >
            {t(`statuses.${s}`)}
          </Link>
        ))}
      </nav>
      <RequestList items={data.items} hrefBase="/cabinet/requests" empty={t("empty")} />
      {data.nextCursor ? (
        <Link
          className="inline-block font-medium text-brand-700 underline"
          href={`/cabinet/requests?${new URLSearchParams({ status, cursor: data.nextCursor })}`}
        >
          {t("next")}
        </Link>
      ) : null}
    </div>
  );
}
