import { z } from "zod";
import type { ActionContext } from "@/lib/actions/define-action";
import { crossSite } from "@/lib/documents/web";
import { setLocale } from "@/lib/person/actions/set-locale";
import { LOCALES, LOCALE_COOKIE } from "./config";

/** The language switcher's form: the pressed button's `locale`, and where to go back to. */
export const localeSwitchSchema = z.object({
  locale: z.enum(LOCALES),
  returnTo: z.string().max(2048).optional(),
});

const BASE = "http://return.invalid";

/**
 * A path on this site to send the browser back to, or null: only a relative path that stays on
 * this origin (no scheme, no `//host`, no backslash tricks), so the switch is never an open redirect.
 */
export function sameOriginPath(candidate: string | null | undefined): string | null {
  if (!candidate || !candidate.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(candidate, BASE);
  } catch {
    return null;
  }
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" normalizes to "//evil.example", which a browser reads as another host.
  if (url.origin !== BASE || path.startsWith("//")) return null;
  return path;
}

/** The path of the page the form was on, from the Referer, when it is a page of this very host. */
function refererPath(request: Request): string | null {
  const referer = request.headers.get("referer");
  if (!referer) return null;
  try {
    const url = new URL(referer);
    if (url.host !== (request.headers.get("x-forwarded-host") ?? request.headers.get("host"))) return null;
    return sameOriginPath(url.pathname + url.search);
  } catch {
    return null;
  }
}

function seeOther(location: string, cookie?: string): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  if (cookie) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

/**
 * POST /api/locale (the language switcher, a plain form that works without JavaScript on every
 * page): keeps the choice on the person when logged in (through the audited action), in a cookie
 * always, and answers 303 back to the page the form was on, or to the landing.
 */
export async function switchLocale(request: Request, context: () => Promise<ActionContext>): Promise<Response> {
  if (crossSite(request)) return new Response("Forbidden", { status: 403 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response("Bad Request", { status: 400 });
  }
  const parsed = localeSwitchSchema.safeParse({
    locale: form.get("locale") ?? undefined,
    returnTo: form.get("returnTo") ?? undefined,
  });
  if (!parsed.success) return new Response("Bad Request", { status: 400 });
  const { locale, returnTo } = parsed.data;
  const back = sameOriginPath(returnTo) ?? refererPath(request) ?? "/";
  const ctx = await context();
  if (ctx.session?.person) {
    const result = await setLocale.run({ locale }, ctx);
    if (!result.ok) return seeOther(back);
  }
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  return seeOther(
    back,
    `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${365 * 24 * 3600}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`,
  );
}
