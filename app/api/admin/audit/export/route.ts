import { getWebLocale, getWebRequestMeta, getWebSession } from "@/lib/auth/current";
import { platformAuditCsvLoader } from "@/lib/audit/platform-loaders";

export const dynamic = "force-dynamic";

/** GET: the operators' platform-wide audit search as CSV, filtered by the same parameters as /admin/audit. */
export async function GET(request: Request): Promise<Response> {
  const input = { params: new URL(request.url).searchParams, locale: await getWebLocale() };
  const result = await platformAuditCsvLoader.run(input, {
    session: await getWebSession(),
    meta: await getWebRequestMeta(),
  });
  if (!result.ok) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  return result.data;
}
