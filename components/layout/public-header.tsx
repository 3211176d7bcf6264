import Link from "next/link";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import { LocaleSwitcher } from "./locale-switcher";

/**
 * The public pages' header. Presentational (texts come in through `t`), so the App Router's public
 * layout and the script-free landing (pages/index.tsx) render the same markup.
 */
export function PublicHeader({ t, locale, returnTo }: { t: Translate; locale: Locale; returnTo?: string }) {
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand-800">
          {t("common.appName")}
        </Link>
        <nav aria-label={t("common.appName")} className="flex flex-wrap items-center gap-1 sm:gap-3">
          <Link href="/tariffs" className="rounded-md px-2 py-2 text-sm font-medium hover:bg-brand-50">
            {t("landing.nav.tariffs")}
          </Link>
          <Link href="/services" className="rounded-md px-2 py-2 text-sm font-medium hover:bg-brand-50">
            {t("landing.nav.services")}
          </Link>
          <Link href="/demo" className="rounded-md px-2 py-2 text-sm font-medium hover:bg-brand-50">
            {t("landing.nav.demo")}
          </Link>
          <LocaleSwitcher t={t} current={locale} returnTo={returnTo} />
          <Link
            href="/login"
            className="inline-flex min-h-10 items-center rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
          >
            {t("landing.nav.login")}
          </Link>
        </nav>
      </div>
    </header>
  );
}
