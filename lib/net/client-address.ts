import { BlockList, isIP } from "node:net";

/**
 * A textual IP address in its canonical stored form, or null for anything else. IPv4 mapped into
 * IPv6 (`::ffff:192.0.2.1`, as a dual-stack socket reports IPv4 peers) becomes plain IPv4, so one
 * client has one address in limits, sessions and the audit.
 */
export function normalizeIp(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let text = raw.trim();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  // A zone ("fe80::1%eth0") names an interface of the sender's host, not the client.
  text = text.split("%")[0]!;
  const family = isIP(text);
  if (family === 4) return text;
  if (family !== 6) return null;
  const lower = text.toLowerCase();
  return mappedIpv4(lower) ?? lower;
}

/** `::ffff:a.b.c.d` or `::ffff:XXXX:XXXX` (zero groups in any spelling before ffff) → IPv4. */
function mappedIpv4(v6: string): string | null {
  const m = /^[0:]+:ffff:(.+)$/.exec(v6);
  if (!m) return null;
  const rest = m[1]!;
  if (isIP(rest) === 4) return rest;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(rest);
  if (!hex) return null;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

export interface CidrRange {
  address: string;
  prefix: number;
  family: "ipv4" | "ipv6";
}

/**
 * Parses a comma-separated list of CIDR ranges or single addresses ("10.0.0.0/8, ::1").
 * Returns the ranges, or the entries that are not understood.
 */
export function parseCidrList(value: string): { ok: true; ranges: CidrRange[] } | { ok: false; invalid: string[] } {
  const ranges: CidrRange[] = [];
  const invalid: string[] = [];
  for (const entry of value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [addressText, prefixText, ...extra] = entry.split("/");
    const address = normalizeIp(addressText);
    const family = address ? (isIP(address) === 4 ? "ipv4" : "ipv6") : null;
    const max = family === "ipv4" ? 32 : 128;
    const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!address || !family || extra.length || !(prefix >= 0 && prefix <= max)) invalid.push(entry);
    else ranges.push({ address, prefix, family });
  }
  return invalid.length ? { ok: false, invalid } : { ok: true, ranges };
}

/** The peers whose X-Forwarded-For is believed. */
export function trustedProxyList(ranges: CidrRange[]): BlockList {
  const list = new BlockList();
  for (const r of ranges) list.addSubnet(r.address, r.prefix, r.family);
  return list;
}

/** Whether an address (already normalized) is one of the trusted proxies. */
export function isTrusted(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the socket peer, unless that peer is a trusted proxy; then the
 * right-most X-Forwarded-For hop that is not itself a trusted proxy (every hop to its left was
 * written by someone we cannot vouch for). A hop that is not an IP address ends the walk with
 * null: the chain is broken there, and nothing to its left can be believed.
 */
export function resolveClientAddress(
  socketAddress: string | null | undefined,
  forwardedFor: string | string[] | null | undefined,
  trusted: BlockList,
): string | null {
  const peer = normalizeIp(socketAddress);
  if (!peer || !isTrusted(trusted, peer)) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = header
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeIp(hops[i]);
    if (!hop) return null;
    client = hop;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return client;
}
