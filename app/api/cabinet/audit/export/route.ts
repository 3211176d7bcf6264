import { getWebLocale, getWebRequestMeta, getWebSession } from "@/lib/auth/current";
import { auditCsvResponse } from "@/lib/audit/log-export";

export const dynamic = "force-dynamic";

/** GET: the Partner's audit log as CSV, filtered by the same query parameters as the audit page. */
export async function GET(request: Request): Promise<Response> {
  return auditCsvResponse(
    await getWebSession(),
    await getWebRequestMeta(),
    await getWebLocale(),
    new URL(request.url).searchParams,
  );
}
