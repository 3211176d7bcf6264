import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type MobizonConfig, MobizonSmsProvider } from "@/lib/sms/mobizon-provider";
import { SmsDeliveryError, type SmsProvider } from "@/lib/sms/provider";

const API_KEY = "kz-secret-api-key-123";
const TEXT = "Your code: 482913";
const tx = {} as Prisma.TransactionClient;

interface RecordedRequest {
  method: string | undefined;
  url: URL;
  contentType: string | undefined;
  body: URLSearchParams;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let requests: RecordedRequest[];
let handler: Handler;

function reply(status: number, body: unknown): Handler {
  return (_req, res) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({
        method: req.method,
        url: new URL(req.url ?? "/", baseUrl),
        contentType: req.headers["content-type"],
        body: new URLSearchParams(Buffer.concat(chunks).toString("utf8")),
      });
      handler(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  // The "never answers" test leaves a socket open; close it so the server can stop.
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  requests = [];
  handler = reply(200, { code: 0, data: { campaignId: "1", messageId: "2", status: 1 }, message: "" });
});

// Typed as SmsProvider because callers always pass `tx`, even though Mobizon ignores it.
function provider(overrides: Partial<MobizonConfig> = {}): SmsProvider {
  return new MobizonSmsProvider({ apiKey: API_KEY, apiUrl: `${baseUrl}/`, timeoutMs: 2_000, ...overrides });
}

async function sendExpectingFailure(p: SmsProvider): Promise<SmsDeliveryError> {
  const error = await p.send({ to: "+77011234567", text: TEXT }, tx).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmsDeliveryError);
  const deliveryError = error as SmsDeliveryError;
  expect(deliveryError.provider).toBe("mobizon");
  expect(deliveryError.message).not.toContain(API_KEY);
  expect(deliveryError.message).not.toContain(TEXT);
  expect(deliveryError.message).not.toContain("482913");
  return deliveryError;
}

describe("MobizonSmsProvider", () => {
  it("posts the message in Mobizon's format", async () => {
    await provider({ sender: "PARTNER" }).send({ to: "+77011234567", text: TEXT }, tx);

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe("POST");
    expect(request?.url.pathname).toBe("/service/message/sendsmsmessage");
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual({
      output: "json",
      api: "v1",
      apiKey: API_KEY,
    });
    expect(request?.contentType).toContain("application/x-www-form-urlencoded");
    expect(Object.fromEntries(request?.body ?? [])).toEqual({
      recipient: "77011234567",
      text: TEXT,
      from: "PARTNER",
    });
  });

  it("omits the sender when none is configured", async () => {
    await provider().send({ to: "+77011234567", text: TEXT }, tx);
    expect(requests[0]?.body.has("from")).toBe(false);
  });

  it("fails on a non-zero gateway code", async () => {
    handler = reply(200, { code: 1, data: {}, message: `Invalid key ${API_KEY} for "${TEXT}"` });
    const error = await sendExpectingFailure(provider());
    expect(error.message).toContain("code 1");
  });

  it("fails on HTTP 500", async () => {
    handler = reply(500, "Internal Server Error");
    const error = await sendExpectingFailure(provider());
    expect(error.message).toContain("HTTP 500");
  });

  it("fails on a 2xx response that is not JSON", async () => {
    handler = reply(200, "<html>maintenance</html>");
    await sendExpectingFailure(provider());
  });

  it("times out when the server never answers", async () => {
    handler = () => {};
    const started = Date.now();
    const error = await sendExpectingFailure(provider({ timeoutMs: 200 }));
    expect(error.message).toContain("timed out");
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("fails on a network error", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const error = await sendExpectingFailure(provider({ apiUrl: `http://127.0.0.1:${port}` }));
    expect(error.message).toContain("network error");
  });
});
