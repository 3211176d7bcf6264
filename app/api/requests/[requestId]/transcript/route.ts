import { bearerSession, requestLocale, requestMeta, withApiErrors } from "@/lib/api/http";
import { getWebLocale, getWebSession } from "@/lib/auth/current";
import { handleTranscript } from "@/lib/requests/http";

export const dynamic = "force-dynamic";

/** GET: a request's transcript, `?format=json` (default) or `pdf`; the web session or a bearer token. */
export const GET = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ requestId: string }> }): Promise<Response> => {
    const bearer = await bearerSession(request);
    const session = bearer ?? (await getWebSession());
    const locale = bearer ? (bearer.person?.locale ?? requestLocale(request)) : await getWebLocale();
    const format = new URL(request.url).searchParams.get("format") === "pdf" ? "pdf" : "json";
    return handleTranscript({ session, meta: requestMeta(request) }, locale, (await params).requestId, format);
  },
);
