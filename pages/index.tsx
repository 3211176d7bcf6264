import { createTranslator, type Messages } from "next-intl";
import type { GetServerSideProps, PageConfig } from "next";
import Head from "next/head";
import { LandingContent } from "@/components/landing/landing-content";
import { PublicFooter, type SupportContacts } from "@/components/layout/public-footer";
import { PublicHeader } from "@/components/layout/public-header";
import {
  MaintenanceBannerView,
  maintenanceNoticeTexts,
  type MaintenanceNoticeTexts,
} from "@/components/maintenance/maintenance-banner-view";
import { pagesRequestLocale } from "@/lib/auth/pages-locale";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { TIME_ZONE, type Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";
import { maintenanceNoticeLoader } from "@/lib/maintenance/queries";

/**
 * The landing, `/`. The Pages Router renders it per request with no client JavaScript at all
 * (`unstable_runtimeJS: false`): the page is text, links and plain forms (the demo, the language),
 * so the App Router's client runtime (about 130 KiB gzip) has nothing to do here. The other public
 * pages stay in app/(public) and share the header, footer and switcher (docs/architecture.md).
 */
export const config: PageConfig = { unstable_runtimeJS: false };

/** The catalog namespaces the landing reads: its own, the header's and footer's, the page's title. */
const NAMESPACES = ["common", "landing", "legal", "locales", "meta"] as const;

interface LandingProps {
  locale: Locale;
  messages: Messages;
  contacts: SupportContacts;
  year: number;
  maintenance: MaintenanceNoticeTexts | null;
}

export const getServerSideProps: GetServerSideProps<LandingProps> = async ({ req }) => {
  const locale = await pagesRequestLocale(req);
  const all = messagesFor(locale);
  const messages = Object.fromEntries(NAMESPACES.map((ns) => [ns, all[ns]])) as Messages;
  // As on every page (app/layout.tsx): a database that cannot be asked means no banner.
  const notice = await maintenanceNoticeLoader.run({}, { session: null }).catch(() => null);
  const { SUPPORT_PHONE, SUPPORT_EMAIL } = env();
  return {
    props: {
      locale,
      messages,
      contacts: { phone: SUPPORT_PHONE, email: SUPPORT_EMAIL },
      year: now().getFullYear(),
      maintenance:
        notice?.ok && notice.data
          ? maintenanceNoticeTexts(
              notice.data,
              locale,
              createTranslator({ locale, messages: all as Messages, timeZone: TIME_ZONE }),
            )
          : null,
    },
  };
};

export default function LandingPage({ locale, messages, contacts, year, maintenance }: LandingProps) {
  const t = createTranslator({ locale, messages, timeZone: TIME_ZONE });
  return (
    <>
      <Head>
        <title>{t("meta.title")}</title>
        <meta name="description" content={t("meta.description")} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b5567" />
        <link rel="icon" href="/favicon.svg" />
      </Head>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("common.skipToContent")}
      </a>
      {maintenance ? <MaintenanceBannerView texts={maintenance} /> : null}
      <PublicHeader t={t} locale={locale} returnTo="/" />
      <main id="main">
        <LandingContent t={t} />
      </main>
      <PublicFooter t={t} locale={locale} contacts={contacts} year={year} returnTo="/" />
    </>
  );
}
