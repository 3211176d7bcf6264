import type { ActionContext } from "@/lib/actions/define-action";
import { getWebLocale, getWebRequestMeta, getWebSession } from "@/lib/auth/current";

/** The change context of a web route handler: the cookie session, the request, the reader's language. */
export async function webContext(): Promise<ActionContext> {
  return { session: await getWebSession(), meta: await getWebRequestMeta(), locale: await getWebLocale() };
}

/**
 * A state-changing request from another site is refused before anything is read: browsers say
 * where a request comes from (Sec-Fetch-Site, Origin), and the session cookie is SameSite=Lax anyway.
 */
export function crossSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return true;
  }
}
