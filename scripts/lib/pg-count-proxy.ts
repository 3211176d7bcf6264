// A TCP proxy in front of PostgreSQL that counts the statements passing through it, so a
// benchmark can tell how many a page runs without touching the app: point the app's DATABASE_URL
// at `url` and read `count` before and after a request. Counts frontend messages 'E' (Execute,
// extended protocol) and 'Q' (simple query), and keeps the text of each executed statement.
// Plain TCP only: a TLS connection (sslmode=require) could not be read; a local database needs none.
import { connect, createServer, type Server, type Socket } from "node:net";

export interface CountingProxy {
  /** DATABASE_URL of the same database, through the proxy. */
  url: string;
  /** Statements executed so far, on every connection. */
  readonly count: number;
  /** Texts of the statements executed so far, in order. */
  readonly statements: readonly string[];
  close(): Promise<void>;
}

export async function startCountingProxy(databaseUrl: string): Promise<CountingProxy> {
  const target = new URL(databaseUrl);
  const upstreamPort = Number(target.port || 5432);
  const upstreamHost = target.hostname;
  const statements: string[] = [];
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    const upstream = connect(upstreamPort, upstreamHost);
    sockets.add(client).add(upstream);
    const parser = frontendParser((text) => statements.push(text));
    client.on("data", (chunk) => {
      parser(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the proxy did not get a port");
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(address.port);
  return {
    url: url.toString(),
    get count() {
      return statements.length;
    },
    statements,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Splits a connection's frontend stream into messages. The first message of a connection (startup,
 * or an SSL/GSS request followed by the startup) has no type byte: only an Int32 length.
 */
function frontendParser(onStatement: (text: string) => void): (chunk: Buffer) => void {
  let buffer: Buffer = Buffer.alloc(0);
  let untyped = true;
  /** Prepared statement name → its text; "" is the unnamed one. */
  const prepared = new Map<string, string>();
  /** Portal name → the statement bound to it. */
  const portals = new Map<string, string>();
  return (chunk) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      if (untyped) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        // SSLRequest (80877103) and GSSENCRequest (80877104) are followed by another untyped startup.
        untyped = code === 80877103 || code === 80877104;
        buffer = buffer.subarray(length);
        continue;
      }
      if (buffer.length < 5) return;
      const type = String.fromCharCode(buffer[0]!);
      const length = buffer.readInt32BE(1);
      if (buffer.length < 1 + length) return;
      const body = buffer.subarray(5, 1 + length);
      buffer = buffer.subarray(1 + length);
      if (type === "Q") onStatement(cString(body, 0).text);
      else if (type === "P") {
        const name = cString(body, 0);
        prepared.set(name.text, cString(body, name.next).text);
      } else if (type === "B") {
        const portal = cString(body, 0);
        portals.set(portal.text, prepared.get(cString(body, portal.next).text) ?? "?");
      } else if (type === "E") onStatement(portals.get(cString(body, 0).text) ?? "?");
    }
  };
}

function cString(buffer: Buffer, start: number): { text: string; next: number } {
  const end = buffer.indexOf(0, start);
  return { text: buffer.toString("utf8", start, end), next: end + 1 };
}
