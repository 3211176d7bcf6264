// `npm start`: the app on the embedded PostgreSQL (no DATABASE_URL) or on DATABASE_URL.
// Applies migrations, seeds demo data into an empty database, builds when sources changed,
// then runs `next start` (or `next dev` with --dev) with the database address in its env.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { ensureEmbeddedSecrets, missingSecrets, startEmbeddedDatabase } from "@/lib/db/runtime";
import { isEmptyDatabase, seedDemoData } from "@/lib/db/seed";
import { parseEnv } from "@/lib/env";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

async function main(): Promise<void> {
  const env = { ...process.env };
  let stopDatabase = async () => undefined as void;
  if (env.DATABASE_URL) {
    const missing = missingSecrets(env);
    if (missing.length) throw new Error(`Missing secret(s) for a real database: ${missing.join(", ")}. Set them in the environment (32+ random characters each).`);
  } else {
    await ensureEmbeddedSecrets(env);
    const db = await startEmbeddedDatabase(Number(env.EMBEDDED_DB_PORT ?? 0));
    env.DATABASE_URL = db.url;
    // The embedded server runs one transaction at a time; a small pool queues less.
    env.DB_POOL_SIZE ??= "4";
    stopDatabase = db.stop;
    console.log(`[start] embedded PostgreSQL (PGlite) serving ${db.url}`);
  }
  parseEnv(env);
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  const { applied } = await applyMigrations(env.DATABASE_URL!, { log: (line) => console.log(`[migrate] ${line}`) });
  if (applied.length) console.log(`[start] applied ${applied.length} migration(s)`);
  const prisma = createPrismaClient(env.DATABASE_URL!);
  if (await isEmptyDatabase(prisma)) {
    await seedDemoData(prisma);
    console.log("[start] seeded demo data (see README.md for the demo accounts)");
  }
  await prisma.$disconnect();

  if (!dev && needsBuild()) {
    console.log("[start] building the app (first start or changed sources)…");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const child = spawn("npx", ["next", dev ? "dev" : "start", "-p", String(port)], { stdio: "inherit", env });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", async (code) => {
    await stopDatabase();
    process.exit(code ?? 0);
  });
}

/** A build is needed when there is none or a source file is newer than it. */
function needsBuild(): boolean {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const roots = ["app", "components", "lib", "i18n", "messages", "public", "next.config.ts", "package.json"];
  const newer = (p: string): boolean => {
    if (!existsSync(p)) return false;
    const stat = statSync(p);
    if (stat.isDirectory()) return readdirSync(p).some((name) => name !== "generated" && newer(path.join(p, name)));
    return stat.mtimeMs > builtAt;
  };
  return roots.some((root) => newer(path.resolve(root)));
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
