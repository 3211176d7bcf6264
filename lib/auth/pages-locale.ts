import type { IncomingMessage } from "node:http";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import { chooseLocale } from "./current-locale";
import { SESSION_COOKIES, sessionTokenFromCookie } from "./next-auth";
import { resolveSession } from "./session";

/** A Pages Router request (the script-free landing), which has no `next/headers`. */
export type PagesRequest = IncomingMessage & { cookies: Partial<Record<string, string>> };

/**
 * The language of a Pages Router request, chosen as `getWebLocale` chooses it for the App Router:
 * the logged-in person's choice, else the cookie, else Accept-Language. If the database cannot be
 * asked, the person's choice is skipped and the page still renders.
 */
export async function pagesRequestLocale(req: PagesRequest): Promise<Locale> {
  const person = await personLocale(req.cookies).catch(() => null);
  return chooseLocale({
    person,
    cookie: req.cookies[LOCALE_COOKIE],
    acceptLanguage: req.headers["accept-language"] ?? null,
  });
}

async function personLocale(cookies: PagesRequest["cookies"]): Promise<string | null> {
  for (const name of SESSION_COOKIES) {
    const token = await sessionTokenFromCookie(cookies[name]);
    if (token) return (await resolveSession(token))?.person?.locale ?? null;
  }
  return null;
}
