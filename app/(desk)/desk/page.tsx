import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PartnerSearch } from "@/components/desk/partner-search";
import { Card } from "@/components/ui/card";
import { servedPartnersLoader } from "@/lib/desk/queries";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("desk"))("title") };
}

/** OPS-1: the Partners this staff member serves, searchable, one page at a time. */
export default async function DeskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const params = await searchParams;
  const input = { q: first(params.q), cursor: first(params.cursor) };
  const data = await load(servedPartnersLoader, input);
  const t = await getTranslations("desk");
  const tc = await getTranslations("cabinet");
  const tr = await getTranslations("desk.responsibilities");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro", { count: data.total })}</p>
      </div>
      <PartnerSearch action="/desk" q={input.q} />
      {data.items.length === 0 ? (
        <Card>
          <p>{input.q ? t("nothingFound") : t("empty")}</p>
        </Card>
      ) : (
        <ul className="space-y-3" aria-label={t("listLabel")}>
          {data.items.map((p) => (
            <li key={p.id}>
              <Card className="space-y-1">
                <Link href={`/desk/partners/${p.id}`} className="text-lg font-semibold text-brand-800 hover:underline">
                  {p.name}
                </Link>
                <p className="text-sm text-muted">
                  <span className="whitespace-nowrap">{t("taxId", { taxId: p.taxId })}</span> ·{" "}
                  {tc(`statuses.${p.status}`)}
                </p>
                <p className="text-sm">
                  {p.staffAssignments.length === 0
                    ? t("noOneAssigned")
                    : p.staffAssignments
                        .map((a) => `${a.staffMember.person.name} (${tr(a.responsibility)})`)
                        .join(", ")}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {data.nextCursor ? (
        <Link
          className="inline-block font-medium text-brand-700 underline"
          href={`/desk?${new URLSearchParams({ ...(input.q ? { q: input.q } : {}), cursor: data.nextCursor })}`}
        >
          {t("next")}
        </Link>
      ) : null}
    </div>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
