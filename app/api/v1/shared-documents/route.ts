import { apiError, bearerSession, json, requestMeta, withApiErrors } from "@/lib/api/http";
import { sharedHomeLoader } from "@/lib/sharing/queries";

/** GET (counterparty): `{items:[{shareId, documentId, title, partnerName, rights, expiresAt, allowDownload}]}`. */
export const GET = withApiErrors(async (request: Request): Promise<Response> => {
  const session = await bearerSession(request);
  if (!session) return apiError(request, 401, "unauthenticated", "unauthenticated");
  const result = await sharedHomeLoader.run({}, { session, meta: requestMeta(request) });
  if (!result.ok) return apiError(request, 404, "not_found", "not_found");
  return json({
    items: result.data.flatMap((p) =>
      p.documents.map((d) => ({ ...d, partnerName: p.name, expiresAt: d.expiresAt.toISOString() })),
    ),
  });
});
