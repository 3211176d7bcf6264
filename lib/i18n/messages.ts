import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import adminEn from "@/messages/features/admin.en.json";
import adminKk from "@/messages/features/admin.kk.json";
import adminRu from "@/messages/features/admin.ru.json";
import deskEn from "@/messages/features/desk.en.json";
import deskKk from "@/messages/features/desk.kk.json";
import deskRu from "@/messages/features/desk.ru.json";
import placesEn from "@/messages/features/places.en.json";
import placesKk from "@/messages/features/places.kk.json";
import placesRu from "@/messages/features/places.ru.json";
import sharingEn from "@/messages/features/sharing.en.json";
import sharingKk from "@/messages/features/sharing.kk.json";
import sharingRu from "@/messages/features/sharing.ru.json";
import auditEn from "@/messages/features/audit-log.en.json";
import auditKk from "@/messages/features/audit-log.kk.json";
import auditRu from "@/messages/features/audit-log.ru.json";
import companyEn from "@/messages/features/company.en.json";
import companyKk from "@/messages/features/company.kk.json";
import companyRu from "@/messages/features/company.ru.json";
import fatalEn from "@/messages/features/fatal.en.json";
import fatalKk from "@/messages/features/fatal.kk.json";
import fatalRu from "@/messages/features/fatal.ru.json";
import usersEn from "@/messages/features/users.en.json";
import usersKk from "@/messages/features/users.kk.json";
import usersRu from "@/messages/features/users.ru.json";
import documentsEn from "@/messages/features/documents.en.json";
import documentsKk from "@/messages/features/documents.kk.json";
import documentsRu from "@/messages/features/documents.ru.json";
import tariffsEn from "@/messages/features/tariffs.en.json";
import tariffsKk from "@/messages/features/tariffs.kk.json";
import tariffsRu from "@/messages/features/tariffs.ru.json";
import maintenanceEn from "@/messages/features/maintenance.en.json";
import maintenanceKk from "@/messages/features/maintenance.kk.json";
import maintenanceRu from "@/messages/features/maintenance.ru.json";
import platformAuditEn from "@/messages/features/platform-audit.en.json";
import platformAuditKk from "@/messages/features/platform-audit.kk.json";
import platformAuditRu from "@/messages/features/platform-audit.ru.json";
import notificationsEn from "@/messages/features/notifications.en.json";
import notificationsKk from "@/messages/features/notifications.kk.json";
import notificationsRu from "@/messages/features/notifications.ru.json";
import billingEn from "@/messages/features/billing.en.json";
import billingKk from "@/messages/features/billing.kk.json";
import billingRu from "@/messages/features/billing.ru.json";
import requestsEn from "@/messages/features/requests.en.json";
import requestsKk from "@/messages/features/requests.kk.json";
import requestsRu from "@/messages/features/requests.ru.json";
import demoConvertEn from "@/messages/features/demo-convert.en.json";
import demoConvertKk from "@/messages/features/demo-convert.kk.json";
import demoConvertRu from "@/messages/features/demo-convert.ru.json";
import signaturesEn from "@/messages/features/signatures.en.json";
import signaturesKk from "@/messages/features/signatures.kk.json";
import signaturesRu from "@/messages/features/signatures.ru.json";
import kk from "@/messages/kk.json";
import ru from "@/messages/ru.json";
import { DEFAULT_LOCALE, TIME_ZONE, isLocale, type Locale } from "./config";

/**
 * The catalogs: the shared one per language, plus one file per feature and language under
 * messages/features/, each owning its own top-level namespace.
 */
const ruAll = {
  ...ru,
  ...companyRu,
  ...usersRu,
  ...auditRu,
  ...deskRu,
  ...adminRu,
  ...placesRu,
  ...fatalRu,
  ...tariffsRu,
  ...documentsRu,
  ...maintenanceRu,
  ...platformAuditRu,
  ...notificationsRu,
  ...sharingRu,
  ...billingRu,
  ...requestsRu,
  ...demoConvertRu,
  ...signaturesRu,
};
export type Messages = typeof ruAll;

const catalogs: Record<Locale, Messages> = {
  ru: ruAll,
  kk: {
    ...kk,
    ...companyKk,
    ...usersKk,
    ...auditKk,
    ...deskKk,
    ...adminKk,
    ...placesKk,
    ...fatalKk,
    ...tariffsKk,
    ...documentsKk,
    ...maintenanceKk,
    ...platformAuditKk,
    ...notificationsKk,
    ...sharingKk,
    ...billingKk,
    ...requestsKk,
    ...demoConvertKk,
    ...signaturesKk,
  } as Messages,
  en: {
    ...en,
    ...companyEn,
    ...usersEn,
    ...auditEn,
    ...deskEn,
    ...adminEn,
    ...placesEn,
    ...fatalEn,
    ...tariffsEn,
    ...documentsEn,
    ...maintenanceEn,
    ...platformAuditEn,
    ...notificationsEn,
    ...sharingEn,
    ...billingEn,
    ...requestsEn,
    ...demoConvertEn,
    ...signaturesEn,
  } as Messages,
};

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
