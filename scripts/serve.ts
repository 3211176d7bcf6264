// The app's HTTP server: Next.js behind a few lines that decide who the client is. Next.js does
// not show route handlers the socket's address, so this server works it out (lib/net/incoming.ts)
// and hands it on in headers a client cannot set. `npm start` / `npm run dev` run it; PORT sets
// the port, --dev runs Next's development server.
import { createServer } from "node:http";
import next from "next";
import { parseEnv } from "@/lib/env";
import { trustedProxyList } from "@/lib/net/client-address";
import { stampIncomingRequest } from "@/lib/net/incoming";

const dev = process.argv.includes("--dev");
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
const port = Number(process.env.PORT ?? 3000);

async function main(): Promise<void> {
  const trusted = trustedProxyList(parseEnv().TRUSTED_PROXIES);
  const server = createServer();
  // Idle keep-alive connections outlive a reverse proxy's (commonly 60 s), so the proxy never sends
  // a request on a socket this server is closing at that moment (the proxy would answer 502).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const app = next({ dev, dir: process.cwd(), port, httpServer: server });
  const handle = app.getRequestHandler();
  await app.prepare();
  server.on("request", (req, res) => {
    stampIncomingRequest(req, res, trusted);
    handle(req, res).catch((error: unknown) => {
      console.error(`[serve] request ${String(req.headers["x-request-id"])} failed`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.listen(port, () => console.log(`[serve] ${dev ? "development" : "production"} server on port ${port}`));
  const stop = () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`[serve] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
