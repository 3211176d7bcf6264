import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { Translate } from "@/lib/i18n/translate";

const AUDIENCES = ["directors", "employees", "accountants", "counterparties"] as const;
const FEATURES = ["requests", "documents", "access", "audit"] as const;

/** The landing's body: server-rendered text, links and one plain form, no script (pages/index.tsx). */
export function LandingContent({ t }: { t: Translate }) {
  return (
    <>
      <section className="bg-brand-800 text-white">
        <div className="mx-auto max-w-6xl px-4 py-12 sm:py-20">
          <h1 className="max-w-3xl text-3xl font-bold leading-tight sm:text-5xl">{t("landing.heroTitle")}</h1>
          <p className="mt-5 max-w-2xl text-base text-brand-50 sm:text-lg">{t("landing.heroText")}</p>
          <div className="mt-8 flex flex-col gap-3 sm:flex-row">
            <Button asChild size="lg" className="bg-white text-brand-800 hover:bg-brand-50">
              <Link href="/login">{t("landing.ctaLogin")}</Link>
            </Button>
            {/* One click: a plain form straight to a new demo cabinet (no script on the landing). */}
            <form method="post" action="/api/demo" className="contents">
              <Button
                type="submit"
                size="lg"
                variant="secondary"
                className="border-white/60 bg-transparent text-white hover:bg-brand-700"
              >
                {t("landing.ctaDemo")}
              </Button>
            </form>
          </div>
        </div>
      </section>
      <section className="mx-auto max-w-6xl px-4 py-10 sm:py-14" aria-labelledby="for-whom">
        <h2 id="for-whom" className="text-2xl font-bold">
          {t("landing.forWhomTitle")}
        </h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2">
          {AUDIENCES.map((key) => (
            <li key={key} className="rounded-xl border border-line bg-white p-5">
              {t(`landing.forWhom.${key}`)}
            </li>
          ))}
        </ul>
        <h2 className="mt-12 text-2xl font-bold">{t("landing.featuresTitle")}</h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {FEATURES.map((key) => (
            <li key={key} className="rounded-xl border border-line bg-white p-5">
              {t(`landing.features.${key}`)}
            </li>
          ))}
        </ul>
        <div className="mt-12 rounded-xl border border-line bg-white p-6">
          <h2 className="text-2xl font-bold">{t("landing.pricingTitle")}</h2>
          <p className="mt-3 max-w-3xl text-muted">{t("landing.pricingText")}</p>
          <div className="mt-5 flex flex-col gap-3 sm:flex-row">
            <Button asChild>
              <Link href="/tariffs">{t("landing.nav.tariffs")}</Link>
            </Button>
            <Button asChild variant="secondary">
              <Link href="/services">{t("landing.nav.services")}</Link>
            </Button>
          </div>
        </div>
        <p className="mt-10 text-sm text-muted">{t("landing.footer")}</p>
      </section>
    </>
  );
}
