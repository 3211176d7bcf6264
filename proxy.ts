import { NextResponse, type NextRequest } from "next/server";
import { isActionArgumentList, isFormPost } from "@/lib/actions/action-body";
import { localeFromAcceptLanguage } from "@/lib/auth/current-locale";
import { maintenanceGate } from "@/lib/auth/maintenance-gate";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";

/**
 * Runs before every page and API call: during a maintenance window answers 503 to everyone but
 * operators (lib/auth/maintenance-gate.ts); gives pages a Content-Security-Policy with a fresh
 * nonce, and refuses server-action calls whose body Next.js could not decode. It never decides who
 * may see what: loaders and actions do (see docs/architecture.md).
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const closed = await maintenance(request);
  if (closed) return closed;
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  if (
    request.method === "POST" &&
    request.headers.has("next-action") &&
    !isFormPost(request.headers.get("content-type")) &&
    !isActionArgumentList(await request.clone().text())
  )
    return invalidInput(request);
  const csp = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

/** The maintenance answer, or null; if the database cannot be asked, the request goes on (fails open). */
async function maintenance(request: NextRequest): Promise<Response | null> {
  try {
    return await maintenanceGate({
      pathname: request.nextUrl.pathname,
      cookie: (name) => request.cookies.get(name)?.value,
      header: (name) => request.headers.get(name),
    });
  } catch (error) {
    console.error("[maintenance] gate skipped:", error instanceof Error ? error.message : error);
    return null;
  }
}

function invalidInput(request: NextRequest): NextResponse {
  const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : localeFromAcceptLanguage(request.headers.get("accept-language"));
  const message = translator(locale)("errors.invalid_input");
  return new NextResponse(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export const config = {
  // Pages, server actions and the JSON API (for the maintenance gate); not static files or the icons,
  // and not the upload routes: Next.js would hold a request's body for the proxy (and cut it at
  // 10 MB), while an upload must stream. Those routes ask the maintenance gate themselves
  // (lib/documents/http.ts, uploadGate).
  matcher: [
    "/((?!_next/static|_next/image|favicon\\.svg|robots\\.txt|api/documents/upload|api/v1/documents$|api/v1/documents/[^/]+/versions).*)",
  ],
};
