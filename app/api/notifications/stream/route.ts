import { getWebSession } from "@/lib/auth/current";
import { apiError, bearerSession, requestMeta, withApiErrors } from "@/lib/api/http";
import { liveHub } from "@/lib/notifications/live";
import { notificationStream } from "@/lib/notifications/stream";

export const dynamic = "force-dynamic";

/** GET: the bell's live unread count as Server-Sent Events (cookie session; a bearer token works too). */
export const GET = withApiErrors(async (request: Request): Promise<Response> => {
  const session = (await getWebSession()) ?? (await bearerSession(request));
  if (!session?.person) return apiError(request, 401, "unauthenticated", "unauthenticated");
  const stream = notificationStream({ session, meta: requestMeta(request), hub: liveHub(), signal: request.signal });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
