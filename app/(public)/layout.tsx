import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PublicFooter } from "@/components/layout/public-footer";
import { PublicHeader } from "@/components/layout/public-header";
import { getWebLocale } from "@/lib/auth/current";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";

/** The public pages but the landing, which the Pages Router serves without scripts (pages/index.tsx). */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const [t, locale] = await Promise.all([getTranslations(), getWebLocale()]);
  const { SUPPORT_PHONE, SUPPORT_EMAIL } = env();
  return (
    <>
      <PublicHeader t={t} locale={locale} />
      <main id="main">{children}</main>
      <PublicFooter
        t={t}
        locale={locale}
        contacts={{ phone: SUPPORT_PHONE, email: SUPPORT_EMAIL }}
        year={now().getFullYear()}
      />
    </>
  );
}
