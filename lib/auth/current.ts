import { cookies, headers } from "next/headers";
import { cache } from "react";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import { chooseLocale } from "./current-locale";
import { SESSION_COOKIES, sessionTokenFromCookie } from "./next-auth";
import { requestMetaFromHeaders, type RequestMeta } from "./request-meta";
import { resolveSession, type ResolvedSession } from "./session";

/** The session of the current web request (once per request), or null. */
export const getWebSession = cache(async (): Promise<ResolvedSession | null> => {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = await sessionTokenFromCookie(jar.get(name)?.value);
    if (token) return resolveSession(token);
  }
  return null;
});

export async function getWebRequestMeta(): Promise<RequestMeta> {
  return requestMetaFromHeaders(await headers());
}

/** The interface language: the person's choice, else the cookie, else the browser's, else Russian. */
export const getWebLocale = cache(async (): Promise<Locale> => {
  // Error pages need the language while the database is down: then the person's choice is skipped.
  const session = await getWebSession().catch(() => null);
  return chooseLocale({
    person: session?.person?.locale,
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: (await headers()).get("accept-language"),
  });
});

/** Removes the web session cookie (after the row was revoked). */
export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) if (jar.get(name)) jar.delete(name);
}
