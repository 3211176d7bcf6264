import { apiError, bearerSession, json, requestMeta, withApiErrors } from "@/lib/api/http";
import { sharedDocumentLoader } from "@/lib/sharing/queries";

/** GET (counterparty): one shared document, its current version, rights, comments and decisions. */
export const GET = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ documentId: string }> }): Promise<Response> => {
    const session = await bearerSession(request);
    if (!session) return apiError(request, 401, "unauthenticated", "unauthenticated");
    const result = await sharedDocumentLoader.run(
      { documentId: (await params).documentId },
      { session, meta: requestMeta(request) },
    );
    if (!result.ok) return apiError(request, 404, "not_found", "not_found");
    const d = result.data;
    return json({
      id: d.id,
      title: d.title,
      partnerName: d.partnerName,
      rights: d.rights,
      allowDownload: d.allowDownload,
      expiresAt: d.expiresAt.toISOString(),
      version: d.version && {
        id: d.version.id,
        number: d.version.number,
        mime: d.version.mime,
        size: d.version.size,
        sha256: d.version.sha256,
      },
      comments: d.comments.map((c) => ({
        id: c.id,
        author: c.authorName,
        side: c.side,
        body: c.body,
        sha256: c.sha256,
        createdAt: c.createdAt.toISOString(),
      })),
      decisions: d.decisions.map((x) => ({
        id: x.id,
        decision: x.decision,
        reason: x.reason,
        versionNumber: x.versionNumber,
        createdAt: x.createdAt.toISOString(),
      })),
    });
  },
);
