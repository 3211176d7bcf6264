import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuditEventList } from "@/components/audit-log/event-list";
import { AuditFilterForm } from "@/components/audit-log/filter-form";
import { PrintButton } from "@/components/audit-log/print-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { displayDate } from "@/lib/audit/almaty-time";
import { filtersToSearchParams } from "@/lib/audit/log-filters";
import { auditReportLoader } from "@/lib/audit/log-loaders";
import { requireModule } from "@/lib/tenancy/cabinet";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditLog.report"))("title") };
}

// The layout's header and navigation have no place on paper.
const PRINT_CSS = `@media print {
  header, nav, [data-print-hide], div[role="status"]:not(main *) { display: none !important; }
  div:has(main#main) { display: block !important; padding: 0 !important; }
  body { background: #fff; }
}`;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPersonReportPage({ searchParams }: { searchParams: SearchParams }) {
  const { partner } = await requireModule("audit");
  const t = await getTranslations("auditLog.report");
  // A malformed id or a person of another Partner reads like the audit page's unknown person:
  // the choice again with a message, and nothing of anyone.
  const { filters, ignored, reversedTo, person, members, count, rows } = await load(auditReportLoader, {
    search: await searchParams,
  });

  if (!person) {
    const unknown = ignored.includes("person") || !!filters.person;
    return (
      <Card className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
        {unknown ? <Alert tone="warn">{(await getTranslations("auditLog"))("unknownPerson")}</Alert> : null}
        <AuditFilterForm
          action="/cabinet/audit/report"
          filters={{ from: filters.from, to: filters.to }}
          members={members}
          submitLabel={t("build")}
          reversedTo={reversedTo}
          personRequired
        />
      </Card>
    );
  }

  const format = await getFormatter();
  const tc = await getTranslations("cabinet");
  const period =
    filters.from || filters.to
      ? t("periodRange", {
          from: filters.from ? displayDate(filters.from) : t("open"),
          to: filters.to ? displayDate(filters.to) : t("now"),
        })
      : t("allTime");
  const query = filtersToSearchParams(filters).toString();

  return (
    <div className="space-y-6">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center justify-between gap-3" data-print-hide>
        <Link href={`/cabinet/audit?${query}`} className="font-semibold text-brand-700 underline">
          {t("back")}
        </Link>
        <div className="flex flex-wrap gap-3">
          <Button asChild variant="secondary">
            <a href={`/api/cabinet/audit/export?${query}`} download>
              {t("downloadCsv")}
            </a>
          </Button>
          <PrintButton label={t("print")} />
        </div>
      </div>
      <Card className="print:border-0 print:p-0 print:shadow-none">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-muted">{t("partner")}</dt>
          <dd className="font-medium">{partner?.name}</dd>
          <dt className="text-muted">{t("person")}</dt>
          <dd className="font-medium">
            {person.name} · {tc(`roles.${person.role}` as "roles.FULL")}
          </dd>
          <dt className="text-muted">{t("period")}</dt>
          <dd className="font-medium">
            {period}
            {reversedTo ? (
              <span className="block text-sm font-normal text-danger" data-print-hide>
                {(await getTranslations("auditLog"))("filters.toBeforeFrom")}
              </span>
            ) : null}
          </dd>
          <dt className="text-muted">{t("count")}</dt>
          <dd className="font-medium">{format.number(count)}</dd>
        </dl>
        <div className="mt-6">
          {rows.length ? (
            <AuditEventList rows={rows} showPerson={false} />
          ) : (
            <p className="py-6 text-center text-muted">{t("empty")}</p>
          )}
          {count > rows.length ? (
            <p className="mt-4 text-sm text-muted">{t("truncated", { count: rows.length })}</p>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
