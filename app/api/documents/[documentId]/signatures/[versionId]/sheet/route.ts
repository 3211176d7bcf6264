import { bearerSession, requestLocale, requestMeta, withApiErrors } from "@/lib/api/http";
import { getWebLocale, getWebSession } from "@/lib/auth/current";
import { handleSignatureSheet } from "@/lib/signatures/http";

export const dynamic = "force-dynamic";

/** GET: the signature sheet (PDF) of a signed version; the web session or a bearer token. */
export const GET = withApiErrors(
  async (
    request: Request,
    { params }: { params: Promise<{ documentId: string; versionId: string }> },
  ): Promise<Response> => {
    const bearer = await bearerSession(request);
    const session = bearer ?? (await getWebSession());
    const locale = bearer ? (bearer.person?.locale ?? requestLocale(request)) : await getWebLocale();
    const { documentId, versionId } = await params;
    return handleSignatureSheet({ session, meta: requestMeta(request) }, locale, { documentId, versionId });
  },
);
