import { getWebLocale, getWebRequestMeta, getWebSession } from "@/lib/auth/current";
import { auditCsvLoader } from "@/lib/audit/log-export";

export const dynamic = "force-dynamic";

/** GET: the Partner's audit log as CSV, filtered by the same query parameters as the audit page. */
export async function GET(request: Request): Promise<Response> {
  const input = { params: new URL(request.url).searchParams, locale: await getWebLocale() };
  const result = await auditCsvLoader.run(input, { session: await getWebSession(), meta: await getWebRequestMeta() });
  if (!result.ok) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  return result.data;
}
