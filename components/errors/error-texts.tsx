import { getLocale, getMessages } from "next-intl/server";
import { ERROR_TEXTS_ID } from "./error-texts-id";

/**
 * The few texts the error boundaries above a place's own layout need (`common`, `errorPage`), as
 * JSON in a hidden element's attribute: no script, so the CSP is untouched, and no message provider
 * (with its formatter) has to load on every public page for a failure that rarely comes.
 */
export async function ErrorTexts() {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const json = JSON.stringify({ locale, messages: { common: messages.common, errorPage: messages.errorPage } });
  return <div hidden id={ERROR_TEXTS_ID} data-texts={json} />;
}
