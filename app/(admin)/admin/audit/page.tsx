import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PlatformAuditFilterForm } from "@/components/admin/platform-audit-filters";
import { AuditEventList } from "@/components/audit-log/event-list";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { encodeCursor } from "@/lib/audit/log-filters";
import { platformAuditLoader } from "@/lib/audit/platform-loaders";
import { platformFiltersToSearchParams } from "@/lib/audit/platform-search";
import { load, requirePlace } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("platformAudit"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every chain of the audit log for operators (admin and support): filters, keyset pages, CSV. */
export default async function PlatformAuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePlace("operator");
  const { filters, cursor, ignored, reversedTo, page } = await load(platformAuditLoader, {
    search: await searchParams,
  });
  const t = await getTranslations("platformAudit");
  const query = platformFiltersToSearchParams(filters).toString();
  const filtered = query !== "";
  const ignoredLabels = ignored.filter((k) => k !== "cursor").map((k) => t(`filters.${k}` as "filters.partner"));
  const partners = {
    label: t("partnerColumn"),
    fallback: t("platformChain"),
    byRow: new Map(page.rows.map((r) => [r.id, r.partnerName ? `${r.partnerName} · ${r.partnerTaxId}` : null])),
  };
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro")}</p>
      </div>
      <Card>
        <PlatformAuditFilterForm filters={filters} reversedTo={reversedTo} />
        <div className="mt-4 flex flex-wrap gap-3 border-t border-line pt-4">
          <Button asChild variant="secondary">
            <a href={query ? `/api/admin/audit/export?${query}` : "/api/admin/audit/export"} download>
              {t("exportCsv")}
            </a>
          </Button>
        </div>
      </Card>
      {ignoredLabels.length ? <Alert tone="warn">{t("ignored", { fields: ignoredLabels.join(", ") })}</Alert> : null}
      {page.unknownPartner ? <Alert tone="warn">{t("unknownPartner")}</Alert> : null}
      {page.unknownActor ? <Alert tone="warn">{t("unknownActor")}</Alert> : null}
      <Card aria-label={t("title")}>
        {page.rows.length ? (
          <AuditEventList rows={page.rows} partners={partners} />
        ) : (
          <p className="py-6 text-center text-muted">{filtered ? t("nothingFound") : t("empty")}</p>
        )}
        {cursor || page.nextCursor ? (
          <nav aria-label={t("title")} className="mt-4 flex flex-wrap justify-between gap-3 border-t border-line pt-4">
            {cursor ? (
              <Link
                href={query ? `/admin/audit?${query}` : "/admin/audit"}
                className="font-semibold text-brand-700 underline"
              >
                {t("firstPage")}
              </Link>
            ) : (
              <span />
            )}
            {page.nextCursor ? (
              <Link
                href={`/admin/audit?${platformFiltersToSearchParams(filters, { cursor: encodeCursor(page.nextCursor) })}`}
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
