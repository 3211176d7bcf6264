import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { LOCALE_COOKIE, isLocale, type Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { openWindows } from "@/lib/maintenance/current";
import {
  decideMaintenance,
  maintenanceMessage,
  relevantWindow,
  type MaintenanceWindowState,
} from "@/lib/maintenance/decision";
import { almatyMinute } from "@/lib/maintenance/format";
import { localeFromAcceptLanguage } from "./current-locale";
import { SESSION_COOKIES, sessionTokenFromCookie } from "./next-auth";
import { resolveSession } from "./session";

/** What the gate reads of a request: plain values, so tests need no Next.js request. */
export interface GateRequest {
  pathname: string;
  cookie(name: string): string | undefined;
  header(name: string): string | null;
}

/**
 * Whether the caller is an operator: their session row (cookie or bearer token) is alive and its
 * person has an operator role. Read from the database on every call, never from the cookie alone.
 */
export async function callerIsOperator(request: GateRequest): Promise<boolean> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.header("authorization") ?? "")?.[1] ?? null;
  let token = bearer;
  for (const name of SESSION_COOKIES) {
    if (token) break;
    token = await sessionTokenFromCookie(request.cookie(name));
  }
  const session = token ? await resolveSession(token) : null;
  if (!session?.person) return false;
  return (await getDb().operator.count({ where: { personId: session.person.id } })) > 0;
}

function localeOf(request: GateRequest): Locale {
  const cookie = request.cookie(LOCALE_COOKIE);
  return isLocale(cookie) ? cookie : localeFromAcceptLanguage(request.header("accept-language"));
}

/**
 * The maintenance gate of one request (001 §3.11), run by proxy.ts before anything else: null to
 * go on, else the 503 answer (a page, or JSON under /api/) with Retry-After in seconds.
 */
export async function maintenanceGate(request: GateRequest): Promise<Response | null> {
  const at = now();
  const relevant = relevantWindow(await openWindows(getDb(), at), at);
  const decision = await decideMaintenance({
    window: relevant?.window ?? null,
    phase: relevant?.phase ?? "none",
    at,
    pathname: request.pathname,
    isOperator: () => callerIsOperator(request),
  });
  if (decision.pass || !relevant) return null;
  const locale = localeOf(request);
  const headers = { "retry-after": String(decision.retryAfterSeconds), "cache-control": "no-store" };
  const message = maintenanceMessage(relevant.window, locale);
  if (decision.kind === "api") {
    return Response.json(
      { error: "maintenance", message, until: relevant.window.endsAt.toISOString() },
      { status: 503, headers },
    );
  }
  return new Response(maintenancePage(relevant.window, locale, message), {
    status: 503,
    headers: {
      ...headers,
      "content-type": "text/html; charset=utf-8",
      // A page of its own: no scripts, inline styles only.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    },
  });
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The maintenance page: self-contained HTML, in the visitor's language, times in Almaty. */
export function maintenancePage(window: MaintenanceWindowState, locale: Locale, message: string | null): string {
  const t = translator(locale);
  const title = t("maintenance.page.title");
  const body = t("maintenance.page.body", {
    from: almatyMinute(window.startsAt),
    until: almatyMinute(window.endsAt),
  });
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f6f8f9;color:#14232b}main{max-width:36rem;margin:1rem;padding:2rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 3px rgba(0,0,0,.1)}h1{font-size:1.5rem;margin:0 0 1rem}p{line-height:1.5}a{color:#0b5567}</style>
</head><body><main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(body)}</p>
${message ? `<p>${escapeHtml(message)}</p>` : ""}
<p><a href="/login">${escapeHtml(t("maintenance.page.operatorLogin"))}</a></p>
</main></body></html>`;
}
