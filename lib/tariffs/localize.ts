import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";

type Localized<F extends string> = Record<`${F}Ru` | `${F}Kk` | `${F}En`, string>;

const SUFFIX: Record<Locale, "Ru" | "Kk" | "En"> = { ru: "Ru", kk: "Kk", en: "En" };

/** A field in the asked language, else in Russian (the default, always filled): never an empty cell. */
export function localized<F extends string>(row: Localized<F>, field: F, locale: string): string {
  const wanted = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const text = row[`${field}${SUFFIX[wanted]}` as keyof Localized<F>].trim();
  return text || row[`${field}${SUFFIX[DEFAULT_LOCALE]}` as keyof Localized<F>];
}

/** Whole tenge the Kazakh way: groups of three split by a no-break space, then the sign, «25 000 ₸». */
export function formatTenge(amount: number): string {
  return `${new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 0 }).format(amount)}\u00a0₸`;
}
