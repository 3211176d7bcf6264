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

/** A translator outside React (SMS texts, API messages). */
export function translator(locale: string) {
  const resolved = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return createTranslator({ locale: resolved, messages: catalogs[resolved], timeZone: TIME_ZONE });
}
