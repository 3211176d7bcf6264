import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";

/** The first supported language in an Accept-Language header, else Russian. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  for (const part of (header ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
}

/** The interface language: the person's choice, else the cookie, else the browser's, else Russian. */
export function chooseLocale(sources: {
  person?: string | null;
  cookie?: string | null;
  acceptLanguage: string | null;
}): Locale {
  if (isLocale(sources.person)) return sources.person;
  if (isLocale(sources.cookie)) return sources.cookie;
  return localeFromAcceptLanguage(sources.acceptLanguage);
}
