import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundCard } from "@/components/errors/not-found-card";
import { PublicHeader } from "@/components/layout/public-header";
import { getWebLocale } from "@/lib/auth/current";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notFound"))("title") };
}

/** Any address the app does not have, in the visitor's language with the public header. */
export default async function NotFound() {
  const [t, locale] = await Promise.all([getTranslations(), getWebLocale()]);
  return (
    <>
      <PublicHeader t={t} locale={locale} />
      <main id="main" className="px-4 py-8 sm:py-16">
        <NotFoundCard backHref="/" backLabel="toHome" />
      </main>
    </>
  );
}
