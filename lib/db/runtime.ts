import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { REQUIRED_SECRETS, generateSecret } from "@/lib/env";
import { startEmbeddedPostgres } from "./embedded";

/** Git-ignored folder of the embedded mode: PGlite's data, generated secrets, the live server's address. */
export const DATA_DIR = path.resolve(process.env.PARTNER_CABINET_DATA_DIR ?? ".data");
const SECRETS_FILE = path.join(DATA_DIR, "secrets.json");
const SERVER_FILE = path.join(DATA_DIR, "embedded-server.json");

/**
 * Embedded mode keeps generated secrets beside its data, so sessions survive restarts.
 * Against a real database a missing secret is an error: it must come from the environment.
 */
export async function ensureEmbeddedSecrets(env: NodeJS.ProcessEnv): Promise<void> {
  await mkdir(DATA_DIR, { recursive: true });
  const stored: Record<string, string> = existsSync(SECRETS_FILE)
    ? JSON.parse(await readFile(SECRETS_FILE, "utf8"))
    : {};
  let generated = false;
  for (const name of REQUIRED_SECRETS) {
    if (env[name]) continue;
    if (!stored[name]) {
      stored[name] = generateSecret(name);
      generated = true;
    }
    env[name] = stored[name];
  }
  if (generated) {
    await writeFile(SECRETS_FILE, JSON.stringify(stored, null, 2), { mode: 0o600 });
    console.log(
      `[start] generated missing secrets (${REQUIRED_SECRETS.join(", ")}) and kept them in ${path.relative(process.cwd(), SECRETS_FILE)}`,
    );
  }
}

export function missingSecrets(env: NodeJS.ProcessEnv): string[] {
  return REQUIRED_SECRETS.filter((name) => !env[name]);
}

/** Starts the embedded PostgreSQL on the data folder and records its address for other commands. */
export async function startEmbeddedDatabase(port: number) {
  const server = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pglite"), port });
  await writeFile(SERVER_FILE, JSON.stringify({ url: server.url, pid: process.pid }));
  return server;
}

/**
 * The database a command-line script should use: DATABASE_URL, else the embedded server of a
 * running `npm start`, else the embedded data folder opened by this process.
 */
export async function resolveScriptDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  if (existsSync(SERVER_FILE)) {
    const { url } = JSON.parse(await readFile(SERVER_FILE, "utf8")) as { url: string };
    if (await answers(url)) return { url, stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pglite"), port: 0 });
  return server;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
