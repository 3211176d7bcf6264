import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ComparisonTable } from "@/components/tariffs/comparison-table";
import { SampleNote } from "@/components/tariffs/sample-note";
import { tariffListLoader } from "@/lib/tariffs/queries";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tariffs"))("title") };
}

export default async function TariffsPage() {
  const [t, locale] = await Promise.all([getTranslations("tariffs"), getLocale()]);
  const tariffs = await load(tariffListLoader, { locale });
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:py-12">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 max-w-3xl text-muted">{t("intro")}</p>
      <SampleNote show={tariffs.some((tariff) => tariff.sample)} text={t("sampleNote")} />
      {tariffs.length > 0 ? <ComparisonTable tariffs={tariffs} /> : <p className="mt-6">{t("empty")}</p>}
      <p className="mt-8">
        <Link href="/services" className="font-semibold text-brand-700 underline">
          {t("seeServices")}
        </Link>
      </p>
    </div>
  );
}
