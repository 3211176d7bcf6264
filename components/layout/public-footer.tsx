import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { env } from "@/lib/env";
import { LEGAL_SLUGS, type LegalKind } from "@/lib/legal/slugs";
import { now } from "@/lib/clock";
import { LocaleSwitcher } from "./locale-switcher";

/** The public pages' footer: the legal texts, how to reach us, and the language. */
export async function PublicFooter() {
  const t = await getTranslations();
  const { SUPPORT_PHONE, SUPPORT_EMAIL } = env();
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
              <a href={`tel:${SUPPORT_PHONE.replace(/[^\d+]/g, "")}`} className={link}>
                {SUPPORT_PHONE}
              </a>
            </li>
            <li>
              {t("landing.footerNav.email")}:{" "}
              <a href={`mailto:${SUPPORT_EMAIL}`} className={link}>
                {SUPPORT_EMAIL}
              </a>
            </li>
          </ul>
        </section>
        <section aria-labelledby="footer-language">
          <h2 id="footer-language" className="text-sm font-semibold text-muted">
            {t("landing.footerNav.languageTitle")}
          </h2>
          <LocaleSwitcher className="mt-3" />
          <p className="mt-6 text-xs text-muted">{t("landing.footerNav.rights", { year: now().getFullYear() })}</p>
        </section>
      </div>
    </footer>
  );
}
