import {
  actionResponse,
  apiActionContext,
  apiError,
  bearerSession,
  json,
  readJsonObject,
  requestMeta,
} from "@/lib/api/http";
import { createRequest } from "./actions/create-request";
import { postMessage } from "./actions/post-message";
import { requestDetailLoader, requestListLoader } from "./queries";
import { API_STATUS } from "./schemas";

/**
 * The mobile apps' requests API (issue 9 §7). Partner members only: the loaders and actions it calls
 * admit no other kind. Internal notes are never part of an answer (the member's read has none).
 */

const STATUS_FROM_API = Object.fromEntries(Object.entries(API_STATUS).map(([k, v]) => [v, k]));

/** POST /api/v1/requests {category, subject, text, priority?, documentIds?} → 201 {id, number, status, dueAt}. */
export async function apiCreateRequest(request: Request): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  return actionResponse(await createRequest.run(body.value, await apiActionContext(request)), 201);
}

/** GET /api/v1/requests?status=&cursor= → {items, nextCursor}. */
export async function apiListRequests(request: Request): Promise<Response> {
  const session = await bearerSession(request);
  if (!session) return apiError(request, 401, "unauthenticated", "unauthenticated");
  const params = new URL(request.url).searchParams;
  const status = params.get("status");
  const input = {
    status: status ? (STATUS_FROM_API[status] ?? (status === "all" || status === "open" ? status : "invalid")) : "open",
    cursor: params.get("cursor") ?? undefined,
  };
  const result = await requestListLoader.run(input, { session, meta: requestMeta(request) });
  if (!result.ok) {
    if (result.code === "invalid_input") return apiError(request, 400, "invalid_request", "invalid_input");
    return apiError(request, 404, "not_found", "not_found");
  }
  return json({
    items: result.data.items.map((r) => ({
      id: r.id,
      number: r.number,
      category: r.category,
      priority: r.priority,
      subject: r.subject,
      status: API_STATUS[r.status],
      assignee: r.assignee ? { name: r.assignee.name } : null,
      dueAt: r.dueAt?.toISOString() ?? null,
      overdue: r.overdue,
      unread: r.unread,
      lastMessageAt: r.lastMessageAt.toISOString(),
    })),
    nextCursor: result.data.nextCursor,
  });
}

/**
 * GET /api/v1/requests/{id}?before= → the request with a page of its messages, oldest first (the
 * newest THREAD_PAGE; `earlierCursor` fetches the page before), never notes.
 */
export async function apiGetRequest(request: Request, requestId: string): Promise<Response> {
  const session = await bearerSession(request);
  if (!session) return apiError(request, 401, "unauthenticated", "unauthenticated");
  const before = new URL(request.url).searchParams.get("before") ?? undefined;
  const result = await requestDetailLoader.run({ requestId, before }, { session, meta: requestMeta(request) });
  if (!result.ok || result.data.side !== "partner") return apiError(request, 404, "not_found", "not_found");
  const { request: r, messages } = result.data;
  return json({
    id: r.id,
    number: r.number,
    category: r.category,
    priority: r.priority,
    subject: r.subject,
    status: API_STATUS[r.status],
    assignee: r.assignee ? { name: r.assignee.name } : null,
    dueAt: r.dueAt?.toISOString() ?? null,
    overdue: r.overdue,
    messages: messages.map((m) => ({
      id: m.id,
      author: { name: m.author.name, side: m.side === "PARTNER" ? "partner" : "outsourcer" },
      text: m.text,
      sha256: m.sha256,
      createdAt: m.createdAt.toISOString(),
      attachments: m.attachments.map((a) => ({
        documentId: a.documentId,
        versionId: a.versionId,
        title: a.title,
        fileName: a.fileName,
        size: a.size,
        sha256: a.sha256,
        openable: a.openable,
      })),
    })),
    earlierCursor: result.data.earlierCursor,
  });
}

/** POST /api/v1/requests/{id}/messages {text, documentIds?} → 201 {id, sha256, createdAt}. */
export async function apiPostMessage(request: Request, requestId: string): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const ctx = await apiActionContext(request);
  const result = await postMessage.run({ ...body.value, requestId }, ctx);
  if (!result.ok) return actionResponse(result);
  const { id, sha256, createdAt, requestId: threadId, newRequest } = result.data;
  return json({ id, sha256, createdAt, ...(newRequest ? { requestId: threadId } : {}) }, 201);
}
