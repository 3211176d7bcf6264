import { getWebLocale, getWebRequestMeta, getWebSession } from "@/lib/auth/current";
import { sessionCookie } from "@/lib/auth/next-auth";
import { startDemo } from "@/lib/demo/start";
import { crossSite } from "@/lib/documents/web";

export const dynamic = "force-dynamic";

/**
 * POST (a plain form on the landing, no JavaScript needed): a new demo cabinet, its primary user
 * logged in, straight into it. Refusals go back to the demo page with a reason.
 */
export async function POST(request: Request): Promise<Response> {
  const back = (path: string) =>
    new Response(null, { status: 303, headers: { location: path, "cache-control": "no-store" } });
  if (crossSite(request)) return new Response("Forbidden", { status: 403 });
  const result = await startDemo({
    session: await getWebSession(),
    meta: await getWebRequestMeta(),
    locale: await getWebLocale(),
  });
  if (!result.ok) return back(`/demo?error=${result.error.code === "rate_limited" ? "rate_limited" : "failed"}`);
  const cookie = await sessionCookie(result.data.token);
  const response = back("/cabinet");
  const { options } = cookie;
  response.headers.append(
    "set-cookie",
    `${cookie.name}=${cookie.value}; Path=${options.path}; Max-Age=${options.maxAge}; HttpOnly; SameSite=Lax${options.secure ? "; Secure" : ""}`,
  );
  return response;
}
