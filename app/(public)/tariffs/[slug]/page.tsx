import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { IncludedMark } from "@/components/tariffs/included-mark";
import { formatCount, storageGb } from "@/components/tariffs/format";
import { SampleNote } from "@/components/tariffs/sample-note";
import { Card } from "@/components/ui/card";
import { formatTenge } from "@/lib/tariffs/localize";
import { SERVICE_KEYS, tariffDetailLoader } from "@/lib/tariffs/queries";
import { load } from "@/lib/tenancy/request";

type Props = { params: Promise<{ slug: string }> };

async function tariffOf(params: Props["params"]) {
  return load(tariffDetailLoader, { slug: (await params).slug, locale: await getLocale() });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await tariffOf(params)).name };
}

export default async function TariffPage({ params }: Props) {
  const [tariff, t] = await Promise.all([tariffOf(params), getTranslations("tariffs")]);
  const limits = [
    [t("users"), formatCount(tariff.limits.users)],
    [t("storage"), t("storageValue", { gb: storageGb(tariff.limits.storageMb) })],
    [t("requests"), formatCount(tariff.limits.requestsPerMonth)],
  ] as const;
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:py-12">
      <Link href="/tariffs" className="text-sm font-semibold text-brand-700 underline">
        {t("allTariffs")}
      </Link>
      <Card className="mt-4">
        <h1 className="text-3xl font-bold">{tariff.name}</h1>
        <p className="mt-3 text-muted">{tariff.description}</p>
        <p className="mt-6">
          <span className="text-3xl font-bold text-brand-800">{formatTenge(tariff.priceMonthly)}</span>{" "}
          <span className="text-muted">{t("perMonth")}</span>
        </p>
        <p className="mt-1 text-sm text-muted">{t("priceFrom", { date: tariff.priceFrom })}</p>
        <div className="mt-8 grid gap-8 sm:grid-cols-2">
          <section aria-labelledby="limits">
            <h2 id="limits" className="text-lg font-bold">
              {t("limits")}
            </h2>
            <dl className="mt-3 divide-y divide-line">
              {limits.map(([label, value]) => (
                <div key={label} className="flex justify-between gap-4 py-2">
                  <dt className="text-muted">{label}</dt>
                  <dd className="font-semibold">{value}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="included">
            <h2 id="included" className="text-lg font-bold">
              {t("services")}
            </h2>
            <ul className="mt-3 divide-y divide-line">
              {SERVICE_KEYS.map((key) => {
                const included = tariff.includedServices.includes(key);
                return (
                  <li key={key} className="flex justify-between gap-4 py-2">
                    <span className={included ? "" : "text-muted"}>{t(`service.${key}`)}</span>
                    <IncludedMark included={included} label={t(included ? "included" : "notIncluded")} />
                  </li>
                );
              })}
            </ul>
          </section>
        </div>
      </Card>
      <SampleNote show={tariff.sample} text={t("sampleNote")} />
      <p className="mt-6">
        <Link href="/services" className="font-semibold text-brand-700 underline">
          {t("seeServices")}
        </Link>
      </p>
    </div>
  );
}
