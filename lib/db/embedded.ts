import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { EMBEDDED_APP_ROLE, urlWithUser } from "./roles";

export type EmbeddedPostgres = {
  /** The superuser: migrations and tests' setup. */
  url: string;
  /** The app's role (lib/db/roles.ts); lib/db/client.ts switches the shared session to it. */
  appUrl: string;
  port: number;
  /** The whole data folder as an uncompressed tarball, to start copies from (`loadDataDir`). */
  dump(): Promise<Blob>;
  stop(): Promise<void>;
};

// pglite-socket accepts a single connection unless told otherwise and answers extra ones with
// plain text, which `pg` reports as a protocol error. A pg Pool needs room for all its clients
// plus other processes (seed, audit verification); connections are cheap since they share one
// PGlite session and the server only multiplexes their messages.
const MAX_CONNECTIONS = 100;

export async function startEmbeddedPostgres(opts: {
  dataDir?: string;
  port?: number;
  host?: string;
  /** Starts from a `dump()` instead of an empty cluster (in memory; skips initdb). */
  loadDataDir?: Blob;
}): Promise<EmbeddedPostgres> {
  const host = opts.host ?? "127.0.0.1";
  let dataDir: string | undefined;
  if (opts.dataDir) {
    dataDir = path.resolve(opts.dataDir);
    // PGlite creates the data folder itself but fails when its parent is missing.
    await mkdir(path.dirname(dataDir), { recursive: true });
  }
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), loadDataDir: opts.loadDataDir });
  // The app's role exists in every embedded cluster; PGlite runs SQL as the superuser here.
  await db.exec(
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${EMBEDDED_APP_ROLE}') THEN ` +
      `CREATE ROLE ${EMBEDDED_APP_ROLE} NOLOGIN; END IF; END $$`,
  );
  const server = new PGLiteSocketServer({
    db,
    host,
    port: opts.port ?? 0,
    maxConnections: MAX_CONNECTIONS,
  });
  try {
    await server.start();
  } catch (err) {
    await db.close();
    throw err;
  }
  const port = Number(server.getServerConn().split(":").pop());
  const urlHost = host.includes(":") ? `[${host}]` : host;

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await server.stop();
      // Detaching handlers may still be rolling back an abandoned transaction.
      await new Promise((resolve) => setImmediate(resolve));
      await db.close();
    })());

  const url = `postgresql://postgres@${urlHost}:${port}/postgres?sslmode=disable`;
  return {
    url,
    appUrl: urlWithUser(url, EMBEDDED_APP_ROLE),
    port,
    dump: () => db.dumpDataDir("none"),
    stop,
  };
}
