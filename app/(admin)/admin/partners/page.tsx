import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PartnerSearch } from "@/components/desk/partner-search";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { adminPartnersLoader } from "@/lib/admin/queries";
import { PARTNER_STATUSES } from "@/lib/admin/schemas";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("partners.title") };
}

/** Every Partner of the platform: by name or BIN/IIN, status and serving company (OPS-2). */
export default async function AdminPartnersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const params = await searchParams;
  const pick = (key: string) => (Array.isArray(params[key]) ? params[key][0] : params[key]) || undefined;
  const input = { q: pick("q"), status: pick("status"), companyId: pick("companyId"), cursor: pick("cursor") };
  const data = await load(adminPartnersLoader, input);
  const t = await getTranslations("admin");
  const tc = await getTranslations("cabinet");
  const next = new URLSearchParams(
    Object.entries({ ...input, cursor: data.nextCursor ?? "" }).filter((e): e is [string, string] => Boolean(e[1])),
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("partners.title")}</h1>
      <PartnerSearch action="/admin/partners" q={input.q}>
        <div className="space-y-1.5">
          <Label htmlFor="status-filter">{t("partners.status")}</Label>
          <Select id="status-filter" name="status" defaultValue={input.status ?? ""}>
            <option value="">{t("partners.anyStatus")}</option>
            {PARTNER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tc(`statuses.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="company-filter">{t("partners.servingCompany")}</Label>
          <Select id="company-filter" name="companyId" defaultValue={input.companyId ?? ""}>
            <option value="">{t("partners.anyCompany")}</option>
            {data.companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </div>
      </PartnerSearch>
      {data.items.length === 0 ? (
        <Card>
          <p>{t("partners.nothingFound")}</p>
        </Card>
      ) : (
        <ul className="space-y-3" aria-label={t("partners.listLabel")}>
          {data.items.map((p) => (
            <li key={p.id}>
              <Card className="space-y-1">
                <Link href={`/admin/partners/${p.id}`} className="text-lg font-semibold text-brand-800 hover:underline">
                  {p.name}
                </Link>
                <p className="text-sm text-muted">
                  <span className="whitespace-nowrap">{t("partners.taxId", { taxId: p.taxId })}</span> ·{" "}
                  {tc(`statuses.${p.status}`)} · {p.outsourcingCompany?.name ?? t("partners.noCompany")}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {data.nextCursor ? (
        <Link className="inline-block font-medium text-brand-700 underline" href={`/admin/partners?${next}`}>
          {t("partners.next")}
        </Link>
      ) : null}
    </div>
  );
}
