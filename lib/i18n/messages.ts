import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import kk from "@/messages/kk.json";
import ru from "@/messages/ru.json";
import { DEFAULT_LOCALE, TIME_ZONE, isLocale, type Locale } from "./config";

export type Messages = typeof ru;

const catalogs: Record<Locale, Messages> = { ru, kk: kk as Messages, en: en as Messages };

export function messagesFor(locale: string): Messages {
  return catalogs[isLocale(locale) ? locale : DEFAULT_LOCALE];
}

function createFor(locale: Locale) {
  return createTranslator({ locale, messages: catalogs[locale], timeZone: TIME_ZONE });
}

// One translator per language for the life of the process: each keeps its parsed messages, which
// hot API answers (a refused login code) would otherwise parse again on every request.
const translators = new Map<Locale, ReturnType<typeof createFor>>();

/** A translator outside React (SMS texts, API messages). */
export function translator(locale: string) {
  const resolved = isLocale(locale) ? locale : DEFAULT_LOCALE;
  let t = translators.get(resolved);
  if (!t) {
    t = createFor(resolved);
    translators.set(resolved, t);
  }
  return t;
}
