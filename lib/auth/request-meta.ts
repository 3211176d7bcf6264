import { randomUUID } from "node:crypto";
import { normalizeIp } from "@/lib/net/client-address";

/** Where a request came from; written into sessions and audit rows. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

/**
 * Headers set by the app's own server (scripts/serve.ts) on every request after removing any
 * value a client sent under these names: the client address it worked out from the socket and
 * TRUSTED_PROXIES, and the request id it made.
 */
export const CLIENT_IP_HEADER = "x-partner-cabinet-client-ip";
export const REQUEST_ID_HEADER = "x-partner-cabinet-request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Only the server's own headers are read: X-Forwarded-For and X-Request-Id can be written by
 * anyone. Without the server in front (e.g. a bare `next dev`), the address is unknown (null)
 * and each request gets a fresh id.
 */
export function requestMetaFromHeaders(headers: Headers): RequestMeta {
  const requestId = headers.get(REQUEST_ID_HEADER);
  return {
    ip: normalizeIp(headers.get(CLIENT_IP_HEADER)),
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
    requestId: requestId && UUID.test(requestId) ? requestId : randomUUID(),
  };
}
