import { localeFromAcceptLanguage } from "@/lib/auth/current-locale";
import { requestMetaFromHeaders, type RequestMeta } from "@/lib/auth/request-meta";
import { resolveSession, type ResolvedSession } from "@/lib/auth/session";
import type { ActionContext, ActionResult } from "@/lib/actions/define-action";
import { HTTP_STATUS } from "@/lib/errors/app-error";
import { translator } from "@/lib/i18n/messages";

export const MAX_JSON_BYTES = 1024 * 1024;

export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** A 4xx answer in the caller's language. */
export function apiError(
  request: Request,
  status: number,
  error: string,
  messageKey: string,
  extra?: Record<string, unknown>,
): Response {
  const t = translator(requestLocale(request));
  return json({ error, message: t(`errors.${messageKey}` as never), ...extra }, status);
}

/**
 * Reads a JSON object body of at most 1 MB without trusting Content-Length, so oversized,
 * malformed or non-object bodies get a clear 400 instead of a 5xx.
 */
export async function readJsonObject(
  request: Request,
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; response: Response }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BYTES)
    return { ok: false, response: apiError(request, 400, "invalid_request", "body_too_large") };
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_JSON_BYTES) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, response: apiError(request, 400, "invalid_request", "body_too_large") };
      }
      chunks.push(value);
    }
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
    return { ok: true, value: parsed as Record<string, unknown> };
  } catch {
    return { ok: false, response: apiError(request, 400, "invalid_request", "invalid_json") };
  }
}

export function requestLocale(request: Request): string {
  return localeFromAcceptLanguage(request.headers.get("accept-language"));
}

export function requestMeta(request: Request): RequestMeta {
  return requestMetaFromHeaders(request.headers);
}

/** The session behind `Authorization: Bearer <token>`, checked like a web cookie. */
export async function bearerSession(request: Request): Promise<ResolvedSession | null> {
  const match = /^Bearer ([A-Za-z0-9_-]{20,128})$/.exec(request.headers.get("authorization") ?? "");
  return match ? resolveSession(match[1]) : null;
}

export async function apiActionContext(request: Request): Promise<ActionContext> {
  const session = await bearerSession(request);
  return { session, meta: requestMeta(request), locale: session?.person?.locale ?? requestLocale(request) };
}

/** An action's result as an HTTP answer. */
export function actionResponse<O>(result: ActionResult<O>, successStatus = 200): Response {
  if (result.ok) return json(result.data ?? {}, successStatus);
  const { code, message, fieldErrors, requestId } = result.error;
  const error = code === "invalid_input" ? "invalid_request" : code;
  return json({ error, message, fieldErrors, requestId }, HTTP_STATUS[code]);
}

/**
 * A route handler that cannot answer an empty 5xx: anything it throws (the database down, a bug)
 * becomes `{"error":"internal","requestId":"…"}` with status 500, and the id is in the server log.
 */
export function withApiErrors<A extends unknown[]>(
  handler: (request: Request, ...rest: A) => Promise<Response>,
): (request: Request, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      const { requestId } = requestMeta(request);
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} request ${requestId} failed`, error);
      return json({ error: "internal", requestId }, 500);
    }
  };
}
