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
import { filtersToSearchParams, parseAuditSearch, type AuditLogCursor } from "@/lib/audit/log-filters";
import {
  countPartnerAuditEvents,
  findPartnerMember,
  listPartnerAuditEvents,
  listPartnerMembers,
  type AuditLogRow,
} from "@/lib/audit/log-queries";
import { requireModule } from "@/lib/tenancy/cabinet";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditLog.report"))("title") };
}

/** More than this goes to the CSV: a printed report of thousands of lines helps nobody. */
const REPORT_LIMIT = 2000;

// The layout's header and navigation have no place on paper.
const PRINT_CSS = `@media print {
  header, nav, [data-print-hide], div[role="status"]:not(main *) { display: none !important; }
  div:has(main#main) { display: block !important; padding: 0 !important; }
  body { background: #fff; }
}`;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPersonReportPage({ searchParams }: { searchParams: SearchParams }) {
  const { actor, partner } = await requireModule("audit");
  if (actor.kind !== "member") return null;
  const t = await getTranslations("auditLog.report");
  const { filters: all, ignored, reversedTo } = parseAuditSearch(await searchParams);
  const filters = { person: all.person, from: all.from, to: all.to };
  // A malformed id or a person of another Partner reads like the audit page's unknown person:
  // the choice again with a message, and nothing of anyone.
  const person = filters.person ? await findPartnerMember(actor.partnerId, filters.person) : null;

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
          members={await listPartnerMembers(actor.partnerId)}
          submitLabel={t("build")}
          reversedTo={reversedTo}
          personRequired
        />
      </Card>
    );
  }

  const [count, rows] = await Promise.all([
    countPartnerAuditEvents(actor.partnerId, filters),
    reportRows(actor.partnerId, filters),
  ]);
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

async function reportRows(
  partnerId: string,
  filters: { person?: string; from?: string; to?: string },
): Promise<AuditLogRow[]> {
  const rows: AuditLogRow[] = [];
  let cursor: AuditLogCursor | null = null;
  do {
    const page = await listPartnerAuditEvents(partnerId, filters, cursor, Math.min(1000, REPORT_LIMIT - rows.length));
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor && rows.length < REPORT_LIMIT);
  return rows;
}
