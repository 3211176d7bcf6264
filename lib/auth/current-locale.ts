import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";

/** The first supported language in an Accept-Language header, else Russian. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  for (const part of (header ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
}
