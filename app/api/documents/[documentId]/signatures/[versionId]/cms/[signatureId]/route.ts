import { bearerSession, requestMeta, withApiErrors } from "@/lib/api/http";
import { getWebSession } from "@/lib/auth/current";
import { handleSignatureCms } from "@/lib/signatures/http";

export const dynamic = "force-dynamic";

/** GET: the CMS (.p7s) of an ЭЦП signature of a version; the web session or a bearer token. */
export const GET = withApiErrors(
  async (
    request: Request,
    { params }: { params: Promise<{ documentId: string; versionId: string; signatureId: string }> },
  ): Promise<Response> => {
    const session = (await bearerSession(request)) ?? (await getWebSession());
    const { documentId, versionId, signatureId } = await params;
    return handleSignatureCms({ session, meta: requestMeta(request) }, { documentId, versionId, signatureId });
  },
);
