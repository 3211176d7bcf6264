import type { PageConfig } from "next";
import Head from "next/head";
import Link from "next/link";
import { LOCALES } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";

/**
 * What the landing (the one Pages Router page) shows if its rendering fails: built once, with no
 * script, so it cannot know the visitor's language and says it in each of ours, Russian first.
 */
export const config: PageConfig = { unstable_runtimeJS: false };

export default function ServerErrorPage() {
  const texts = LOCALES.map((locale) => {
    const t = translator(locale);
    return { locale, title: t("errorPage.title"), text: t("errorPage.text"), home: t("common.appName") };
  });
  return (
    <>
      <Head>
        <title>{texts[0]!.title}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <main id="main" className="mx-auto flex max-w-xl flex-col gap-8 px-4 py-16">
        {texts.map(({ locale, title, text, home }) => (
          <section key={locale} lang={locale}>
            <h1 className="text-2xl font-bold">{title}</h1>
            <p className="mt-2 text-muted">{text}</p>
            <Link href="/" className="mt-3 inline-block font-medium text-brand-700 underline">
              {home}
            </Link>
          </section>
        ))}
      </main>
    </>
  );
}
