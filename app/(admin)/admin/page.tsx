import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { platformOverviewLoader } from "@/lib/admin/queries";
import { PARTNER_STATUSES } from "@/lib/admin/schemas";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

/** The operator's home: the platform at a glance. */
export default async function AdminHomePage() {
  const data = await load(platformOverviewLoader);
  const t = await getTranslations("admin");
  const tc = await getTranslations("cabinet");
  const figures = [
    ...PARTNER_STATUSES.map((s) => ({
      label: t("overview.partners", { status: tc(`statuses.${s}`) }),
      value: data.partners[s] ?? 0,
    })),
    { label: t("overview.companies"), value: data.companies },
    { label: t("overview.staff"), value: data.staff },
    { label: t("overview.people"), value: data.people },
    { label: t("overview.sessions"), value: data.sessions },
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Card aria-labelledby="overview-title">
        <h2 id="overview-title" className="mb-3 text-lg font-semibold">
          {t("overview.title")}
        </h2>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {figures.map((f) => (
            <div key={f.label}>
              <dt className="text-sm text-muted">{f.label}</dt>
              <dd className="text-2xl font-bold tabular-nums">{f.value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
