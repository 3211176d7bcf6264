import { randomUUID } from "node:crypto";

/** Where a request came from; written into sessions and audit rows. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

/**
 * The client address is the last X-Forwarded-For entry: the one written by the reverse proxy in
 * front of the app (or by Next.js from the socket when the request carries none). Entries further
 * left come from the client and are not trusted. See docs/architecture.md, "Deployment".
 */
export function requestMetaFromHeaders(headers: Headers): RequestMeta {
  const hops =
    headers
      .get("x-forwarded-for")
      ?.split(",")
      .map((h) => h.trim())
      .filter(Boolean) ?? [];
  const ip = hops.at(-1)?.replace(/^::ffff:/, "") ?? null;
  return {
    ip: ip ? ip.slice(0, 64) : null,
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
    requestId: headers.get("x-request-id")?.slice(0, 64) || randomUUID(),
  };
}
