import { apiActionContext, apiError, bearerSession, json, requestMeta, withApiErrors } from "@/lib/api/http";
import { handleUpload, uploadGate } from "@/lib/documents/http";
import { documentLibraryLoader } from "@/lib/documents/queries";

/** GET: the Partner's documents, newest first (`category`, `q`, `cursor`). */
export const GET = withApiErrors(async (request: Request): Promise<Response> => {
  // The proxy leaves this path alone (uploads must stream): the maintenance gate is asked here.
  const closed = await uploadGate(request);
  if (closed) return closed;
  const session = await bearerSession(request);
  if (!session) return apiError(request, 401, "unauthenticated", "unauthenticated");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const result = await documentLibraryLoader.run(params, { session, meta: requestMeta(request) });
  if (!result.ok) {
    if (result.code === "invalid_input") return apiError(request, 400, "invalid_request", "invalid_input");
    return apiError(request, 404, "not_found", "not_found");
  }
  return json({
    items: result.data.items.map((d) => ({
      id: d.id,
      title: d.title,
      category: d.category,
      direction: d.direction,
      status: d.status,
      createdAt: d.createdAt.toISOString(),
      sentAt: d.sentAt?.toISOString() ?? null,
      isNew: d.isNew,
      version: {
        id: d.version.id,
        number: d.version.number,
        size: d.version.size,
        sha256: d.version.sha256,
        mime: d.version.mime,
      },
    })),
    nextCursor: result.data.nextCursor,
  });
});

/** POST (multipart: `file` parts, `category`, optional `title`): new documents in the Partner's library. */
export const POST = withApiErrors(async (request: Request): Promise<Response> => {
  const ctx = await apiActionContext(request);
  return handleUpload(request, ctx, {});
});
