import { apiError, bearerSession, json, requestMeta, withApiErrors } from "@/lib/api/http";
import { notificationListLoader } from "@/lib/notifications/queries";

/** GET: the person's notifications, newest first, texts in their language; `?cursor=` pages on. */
export const GET = withApiErrors(async (request: Request): Promise<Response> => {
  const session = await bearerSession(request);
  if (!session) return apiError(request, 401, "unauthenticated", "unauthenticated");
  const search = new URL(request.url).searchParams;
  const result = await notificationListLoader.run(
    { cursor: search.get("cursor") ?? undefined, limit: search.get("limit") ?? undefined },
    { session, meta: requestMeta(request) },
  );
  if (!result.ok) {
    if (result.code === "invalid_input") return apiError(request, 400, "invalid_request", "invalid_input");
    return apiError(request, 401, "unauthenticated", "unauthenticated");
  }
  return json({ items: result.data.items, nextCursor: result.data.nextCursor, unread: result.data.unread });
});
