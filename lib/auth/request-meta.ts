import { randomUUID } from "node:crypto";

/** Where a request came from; written into sessions and audit rows. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

/**
 * Reads the client address. Behind a proxy (TRUST_PROXY=1) the first X-Forwarded-For hop is the
 * client; otherwise forwarded headers are ignored, since any client can send them.
 */
export function requestMetaFromHeaders(headers: Headers, remoteAddress?: string | null): RequestMeta {
  const trustProxy = process.env.TRUST_PROXY === "1";
  const forwarded = trustProxy ? headers.get("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  const realIp = trustProxy ? headers.get("x-real-ip") : undefined;
  const ip = forwarded || realIp || remoteAddress || headers.get("x-partner-cabinet-remote") || null;
  return {
    ip: ip ? ip.slice(0, 64) : null,
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
    requestId: headers.get("x-request-id")?.slice(0, 64) || randomUUID(),
  };
}
