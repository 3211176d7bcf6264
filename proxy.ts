import { NextResponse, type NextRequest } from "next/server";
import { isActionArgumentList, isFormPost } from "@/lib/actions/action-body";
import { localeFromAcceptLanguage } from "@/lib/auth/current-locale";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";

/**
 * Runs before every page: gives the response a Content-Security-Policy with a fresh nonce, and
 * refuses server-action calls whose body Next.js could not decode. It never decides who may see
 * what: loaders and actions do (see docs/architecture.md).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
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

function invalidInput(request: NextRequest): NextResponse {
  const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : localeFromAcceptLanguage(request.headers.get("accept-language"));
  const message = translator(locale)("errors.invalid_input");
  return new NextResponse(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export const config = {
  // Pages and server actions; not the JSON API, static files, or the icons.
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.svg|robots\\.txt).*)"],
};
