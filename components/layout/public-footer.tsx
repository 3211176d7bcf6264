import Link from "next/link";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import { LEGAL_SLUGS, type LegalKind } from "@/lib/legal/slugs";
import { LocaleSwitcher } from "./locale-switcher";

/** How to reach us, as the footer shows it (from the environment: SUPPORT_PHONE, SUPPORT_EMAIL). */
export interface SupportContacts {
  phone: string;
  email: string;
}

/**
 * The public pages' footer: the legal texts, how to reach us, and the language. Presentational, like
 * the header: the App Router's public layout and the landing (pages/index.tsx) hand it the same data.
 */
export function PublicFooter({
  t,
  locale,
  contacts,
  year,
  returnTo,
}: {
  t: Translate;
  locale: Locale;
  contacts: SupportContacts;
  year: number;
  returnTo?: string;
}) {
  const link = "inline-block rounded-sm py-1 text-sm text-ink underline-offset-2 hover:underline";
  return (
    <footer className="mt-12 border-t border-line bg-white">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 sm:grid-cols-3">
        <nav aria-labelledby="footer-legal">
          <h2 id="footer-legal" className="text-sm font-semibold text-muted">
            {t("landing.footerNav.legalTitle")}
          </h2>
          <ul className="mt-3 space-y-1">
            {(Object.entries(LEGAL_SLUGS) as [LegalKind, string][]).map(([kind, slug]) => (
              <li key={kind}>
                <Link href={`/legal/${slug}`} className={link}>
                  {t(`legal.kinds.${kind}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <section aria-labelledby="footer-contacts">
          <h2 id="footer-contacts" className="text-sm font-semibold text-muted">
            {t("landing.footerNav.contactsTitle")}
          </h2>
          <ul className="mt-3 space-y-1 text-sm">
            <li>
              {t("landing.footerNav.phone")}:{" "}
              <a href={`tel:${contacts.phone.replace(/[^\d+]/g, "")}`} className={link}>
                {contacts.phone}
              </a>
            </li>
            <li>
              {t("landing.footerNav.email")}:{" "}
              <a href={`mailto:${contacts.email}`} className={link}>
                {contacts.email}
              </a>
            </li>
          </ul>
        </section>
        <section aria-labelledby="footer-language">
          <h2 id="footer-language" className="text-sm font-semibold text-muted">
            {t("landing.footerNav.languageTitle")}
          </h2>
          <LocaleSwitcher t={t} current={locale} returnTo={returnTo} className="mt-3" />
          <p className="mt-6 text-xs text-muted">{t("landing.footerNav.rights", { year })}</p>
        </section>
      </div>
    </footer>
  );
}
