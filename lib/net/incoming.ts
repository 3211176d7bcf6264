import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { BlockList } from "node:net";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "@/lib/auth/request-meta";
import { isTrusted, normalizeIp, resolveClientAddress } from "./client-address";

/** Headers a client could send to pass for someone else; replaced by what the server knows. */
const CLIENT_WRITTEN = [
  CLIENT_IP_HEADER,
  REQUEST_ID_HEADER,
  "x-forwarded-for",
  "x-real-ip",
  "forwarded",
  "x-request-id",
];

/**
 * Rewrites an incoming request before Next.js sees it: the client address comes from the socket
 * (and from X-Forwarded-For only when the peer is a trusted proxy), the request id is made here.
 * The response carries the id, so a user can quote it to support.
 */
export function stampIncomingRequest(req: IncomingMessage, res: ServerResponse, trusted: BlockList): void {
  const ip = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
  const requestId = randomUUID();
  for (const name of CLIENT_WRITTEN) delete req.headers[name];
  // Only a trusted proxy may say which host and scheme the client asked for; Next.js fills them
  // from the Host header and the socket otherwise.
  const peer = normalizeIp(req.socket.remoteAddress);
  if (!peer || !isTrusted(trusted, peer))
    for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"]) delete req.headers[name];
  if (ip) {
    req.headers[CLIENT_IP_HEADER] = ip;
    // Next.js fills X-Forwarded-For from the socket only when absent; give it the resolved address.
    req.headers["x-forwarded-for"] = ip;
  }
  req.headers[REQUEST_ID_HEADER] = requestId;
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
}
