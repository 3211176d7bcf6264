import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER, requestMetaFromHeaders } from "@/lib/auth/request-meta";
import { normalizeIp, parseCidrList, resolveClientAddress, trustedProxyList } from "./client-address";
import { stampIncomingRequest } from "./incoming";

const none = trustedProxyList([]);
const trust = (list: string) => {
  const parsed = parseCidrList(list);
  if (!parsed.ok) throw new Error(parsed.invalid.join());
  return trustedProxyList(parsed.ranges);
};

describe("client address", () => {
  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.7", "1.2.3.4", none)).toBe("203.0.113.7");
    expect(resolveClientAddress("203.0.113.7", '=HYPERLINK("http://evil")', none)).toBe("203.0.113.7");
    // The proxy's own range does not make an outside peer trusted.
    expect(resolveClientAddress("203.0.113.7", "1.2.3.4", trust("10.0.0.0/8"))).toBe("203.0.113.7");
  });

  it("behind trusted proxies takes the right-most hop that is not one of them", () => {
    const proxies = trust("10.0.0.0/8, 192.168.1.1");
    // client-chosen, real client, the inner proxy; the peer is the outer proxy.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.4, 192.168.1.1", proxies)).toBe("198.51.100.4");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.4"], proxies)).toBe("198.51.100.4");
    // A trusted proxy without the header is itself the client (e.g. a health check).
    expect(resolveClientAddress("10.0.0.2", undefined, proxies)).toBe("10.0.0.2");
    // Every hop trusted: the furthest one.
    expect(resolveClientAddress("10.0.0.2", "10.1.1.1, 10.2.2.2", proxies)).toBe("10.1.1.1");
  });

  it("gives null for garbage in the trusted part of the chain or from the socket", () => {
    const proxies = trust("10.0.0.0/8");
    expect(resolveClientAddress("10.0.0.2", '198.51.100.4, =HYPERLINK("http://evil")', proxies)).toBeNull();
    expect(resolveClientAddress("10.0.0.2", "unknown", proxies)).toBeNull();
    expect(resolveClientAddress(undefined, "1.2.3.4", proxies)).toBeNull();
  });

  it("reads IPv6 and IPv4-mapped forms as one address each", () => {
    expect(normalizeIp("::ffff:127.0.0.2")).toBe("127.0.0.2");
    expect(normalizeIp("::FFFF:7f00:2")).toBe("127.0.0.2");
    expect(normalizeIp("0:0:0:0:0:ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeIp("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normalizeIp("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeIp("::ffff:0:192.0.2.1")).toBe("::ffff:0:192.0.2.1");
    for (const bad of ["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4:80", "::g", "<script>", '=HYPERLINK("x")'])
      expect(normalizeIp(bad), bad).toBeNull();
    const v6 = trust("::1/128, 2001:db8::/32, 127.0.0.1");
    expect(resolveClientAddress("::1", "2001:db9::5", v6)).toBe("2001:db9::5");
    expect(resolveClientAddress("::ffff:127.0.0.1", "2001:db8::7, ::ffff:198.51.100.9", v6)).toBe("198.51.100.9");
    expect(resolveClientAddress("::ffff:127.0.0.2", "198.51.100.9", v6)).toBe("127.0.0.2");
  });

  it("validates TRUSTED_PROXIES entries", () => {
    expect(parseCidrList("")).toEqual({ ok: true, ranges: [] });
    expect(parseCidrList("10.0.0.0/8,::1")).toEqual({
      ok: true,
      ranges: [
        { address: "10.0.0.0", prefix: 8, family: "ipv4" },
        { address: "::1", prefix: 128, family: "ipv6" },
      ],
    });
    expect(parseCidrList("10.0.0.0/33, 1.2.3.4/x, localhost, ::1/129, 1.1.1.1/8/2")).toEqual({
      ok: false,
      invalid: ["10.0.0.0/33", "1.2.3.4/x", "localhost", "::1/129", "1.1.1.1/8/2"],
    });
  });
});

describe("the server's stamp on a request", () => {
  function incoming(remoteAddress: string, headers: Record<string, string>) {
    const req = { socket: { remoteAddress }, headers: { ...headers } } as unknown as IncomingMessage;
    const sent: Record<string, string> = {};
    const res = { setHeader: (k: string, v: string) => (sent[k] = v) } as unknown as ServerResponse;
    return { req, res, sent };
  }

  it("replaces client-sent address and request id headers with its own", () => {
    const { req, res, sent } = incoming("::ffff:203.0.113.5", {
      "x-forwarded-for": "1.1.1.1",
      "x-request-id": "client-chosen",
      [CLIENT_IP_HEADER]: "6.6.6.6",
      [REQUEST_ID_HEADER]: "00000000-0000-4000-8000-000000000000",
      "user-agent": "probe",
    });
    stampIncomingRequest(req, res, none);
    const meta = requestMetaFromHeaders(new Headers(req.headers as Record<string, string>));
    expect(meta.ip).toBe("203.0.113.5");
    expect(meta.requestId).not.toBe("00000000-0000-4000-8000-000000000000");
    expect(meta.requestId).toBe(sent["x-request-id"]);
    expect(req.headers["x-request-id"]).toBe(meta.requestId);
    expect(req.headers["x-forwarded-for"]).toBe("203.0.113.5");
  });

  it("keeps forwarded host and scheme only from a trusted proxy", () => {
    const headers = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-for": "1.1.1.1" };
    const outside = incoming("203.0.113.5", headers);
    stampIncomingRequest(outside.req, outside.res, trust("10.0.0.0/8"));
    expect(outside.req.headers["x-forwarded-host"]).toBeUndefined();
    expect(outside.req.headers["x-forwarded-proto"]).toBeUndefined();
    const proxied = incoming("10.0.0.2", headers);
    stampIncomingRequest(proxied.req, proxied.res, trust("10.0.0.0/8"));
    expect(proxied.req.headers["x-forwarded-host"]).toBe("evil.example");
    expect(proxied.req.headers["x-forwarded-for"]).toBe("1.1.1.1");
  });

  it("without the server's headers the address is unknown and the id fresh", () => {
    const meta = requestMetaFromHeaders(new Headers({ "x-forwarded-for": "1.2.3.4", "x-request-id": "mine" }));
    expect(meta.ip).toBeNull();
    expect(meta.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestMetaFromHeaders(new Headers({ [CLIENT_IP_HEADER]: "=1+1" })).ip).toBeNull();
  });
});
