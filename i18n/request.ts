import { getRequestConfig } from "next-intl/server";
import { getWebLocale } from "@/lib/auth/current";
import { TIME_ZONE } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";

// No locale in the URL: the language is the person's choice (kept on their record) or a cookie.
export default getRequestConfig(async () => {
  const locale = await getWebLocale();
  return { locale, messages: messagesFor(locale), timeZone: TIME_ZONE };
});
