import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ChainBadge } from "@/components/audit-log/chain-badge";
import { AuditEventList } from "@/components/audit-log/event-list";
import { AuditFilterForm } from "@/components/audit-log/filter-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { encodeCursor, filtersToSearchParams } from "@/lib/audit/log-filters";
import { auditLogLoader } from "@/lib/audit/log-loaders";
import { requireModule } from "@/lib/tenancy/cabinet";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditLog"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  await requireModule("audit");
  const t = await getTranslations("auditLog");
  const { filters, cursor, ignored, reversedTo, members, targetTypes, page } = await load(auditLogLoader, {
    search: await searchParams,
  });
  const query = filtersToSearchParams(filters).toString();
  const withQuery = (path: string, params = query) => (params ? `${path}?${params}` : path);
  const filtered = query !== "";
  const ignoredLabels = ignored.filter((k) => k !== "cursor").map((k) => t(`filters.${k}` as "filters.person"));
  const reportQuery = filtersToSearchParams({ person: filters.person, from: filters.from, to: filters.to }).toString();
  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="mt-1 text-muted">{t("intro")}</p>
        </div>
        <ChainBadge />
      </div>
      <Card>
        <AuditFilterForm
          action="/cabinet/audit"
          filters={filters}
          members={members}
          targetTypes={targetTypes}
          reversedTo={reversedTo}
        />
        <div className="mt-4 flex flex-wrap gap-3 border-t border-line pt-4">
          <Button asChild variant="secondary">
            <a href={withQuery("/api/cabinet/audit/export")} download>
              {t("exportCsv")}
            </a>
          </Button>
          <Button asChild variant="ghost">
            <Link href={withQuery("/cabinet/audit/report", reportQuery)}>{t("personReport")}</Link>
          </Button>
        </div>
      </Card>
      {ignoredLabels.length ? <Alert tone="warn">{t("ignored", { fields: ignoredLabels.join(", ") })}</Alert> : null}
      {page.unknownPerson ? <Alert tone="warn">{t("unknownPerson")}</Alert> : null}
      <Card aria-label={t("title")}>
        {page.rows.length ? (
          <AuditEventList rows={page.rows} />
        ) : (
          <p className="py-6 text-center text-muted">{filtered ? t("emptyFiltered") : t("empty")}</p>
        )}
        {cursor || page.nextCursor ? (
          <nav aria-label={t("title")} className="mt-4 flex flex-wrap justify-between gap-3 border-t border-line pt-4">
            {cursor ? (
              <Link href={withQuery("/cabinet/audit")} className="font-semibold text-brand-700 underline">
                {t("firstPage")}
              </Link>
            ) : (
              <span />
            )}
            {page.nextCursor ? (
              <Link
                href={`/cabinet/audit?${filtersToSearchParams(filters, { cursor: encodeCursor(page.nextCursor) })}`}
                rel="next"
                className="font-semibold text-brand-700 underline"
              >
                {t("nextPage")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
