import { Head, Html, Main, NextScript, type DocumentProps } from "next/document";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";

/** `<html lang>` in the language the page was rendered in (its `locale` prop). */
export default function LandingDocument({ __NEXT_DATA__ }: DocumentProps) {
  const locale: unknown = __NEXT_DATA__.props?.pageProps?.locale;
  return (
    <Html lang={isLocale(locale) ? locale : DEFAULT_LOCALE}>
      <Head />
      <body className="min-h-dvh">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
