import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { SampleNote } from "@/components/tariffs/sample-note";
import { formatTenge } from "@/lib/tariffs/localize";
import { serviceListLoader } from "@/lib/tariffs/queries";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("services"))("title") };
}

export default async function ServicesPage() {
  const [t, locale] = await Promise.all([getTranslations("services"), getLocale()]);
  const services = await load(serviceListLoader, { locale });
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:py-12">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 max-w-3xl text-muted">{t("intro")}</p>
      <SampleNote show={services.some((service) => service.sample)} text={t("sampleNote")} />
      {services.length === 0 && <p className="mt-6">{t("empty")}</p>}
      <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {services.map((service) => (
          <li key={service.slug} className="flex flex-col rounded-xl border border-line bg-white p-5 shadow-sm">
            <h2 className="text-lg font-bold">{service.name}</h2>
            <p className="mt-1 text-sm">
              <span className="rounded-full bg-brand-50 px-2 py-0.5 font-medium text-brand-800">
                {t(service.kind === "RECURRING" ? "recurring" : "oneOff")}
              </span>
            </p>
            <p className="mt-3 flex-1 text-muted">{service.description}</p>
            <p className="mt-4 text-xl font-bold text-brand-800">
              {service.kind === "RECURRING"
                ? t("perMonth", { price: formatTenge(service.price) })
                : formatTenge(service.price)}
            </p>
            <p className={`mt-2 text-sm font-medium ${service.availableInDemo ? "text-ok" : "text-muted"}`}>
              {service.availableInDemo ? `✓ ${t("inDemo")}` : t("notInDemo")}
            </p>
          </li>
        ))}
      </ul>
      <p className="mt-8">
        <Link href="/tariffs" className="font-semibold text-brand-700 underline">
          {t("seeTariffs")}
        </Link>
      </p>
    </div>
  );
}
