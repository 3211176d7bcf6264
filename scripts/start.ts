// `npm start`: the app on the embedded PostgreSQL (no DATABASE_URL) or on DATABASE_URL.
// Applies migrations, seeds demo data into an empty database, builds when sources changed,
// then runs the app's server (scripts/serve.ts; Next's dev server with --dev) with the database
// address in its env.
import { spawn } from "node:child_process";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { separateAppRole } from "@/lib/db/roles";
import { ensureEmbeddedSecrets, missingSecrets, startEmbeddedDatabase } from "@/lib/db/runtime";
import { seedCatalogue } from "@/lib/db/seed-catalogue";
import { isEmptyDatabase, seedDemoData } from "@/lib/db/seed";
import { parseEnv } from "@/lib/env";
import { buildIfNeeded } from "./lib/build";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

async function main(): Promise<void> {
  const env = { ...process.env };
  let stopDatabase = async () => undefined as void;
  if (env.DATABASE_URL) {
    const missing = missingSecrets(env);
    if (missing.length)
      throw new Error(
        `Missing secret(s) for a real database: ${missing.join(", ")}. Set them in the environment (32+ random characters each; AUDIT_SIGNING_KEY an Ed25519 private key, see docs/audit.md).`,
      );
  } else {
    await ensureEmbeddedSecrets(env);
    const db = await startEmbeddedDatabase(Number(env.EMBEDDED_DB_PORT ?? 0));
    env.DATABASE_URL = db.appUrl;
    env.MIGRATION_DATABASE_URL = db.url;
    // One connection: the embedded server multiplexes every connection into one PostgreSQL session.
    env.DB_POOL_SIZE = "1";
    env.DB_EMBEDDED = "1";
    stopDatabase = db.stop;
    console.log(`[start] embedded PostgreSQL (PGlite) serving ${db.url}`);
  }
  parseEnv(env);
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  env.NEXT_TELEMETRY_DISABLED ??= "1";

  // Migrations run as the tables' owner; the app gets only its grants (lib/db/roles.ts).
  const ownerUrl = env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL!;
  delete env.MIGRATION_DATABASE_URL;
  const appRole = separateAppRole(env.DATABASE_URL!, ownerUrl);
  if (!appRole) console.warn("[start] the app connects as the tables' owner: set MIGRATION_DATABASE_URL (README.md)");
  const log = (line: string) => console.log(`[migrate] ${line}`);
  const { applied } = await applyMigrations(ownerUrl, { log, appRole });
  if (applied.length) console.log(`[start] applied ${applied.length} migration(s)`);
  const prisma = createPrismaClient(env.DATABASE_URL!);
  if (await isEmptyDatabase(prisma)) {
    await seedDemoData(prisma);
    console.log("[start] seeded demo data (see README.md for the demo accounts)");
  } else if ((await prisma.tariff.count()) === 0) {
    // A database seeded before the catalogue existed gets the sample tariffs and services once.
    await seedCatalogue(prisma);
  }
  await prisma.$disconnect();

  if (!dev) buildIfNeeded(env);
  // Node runs the server directly (not through npx), so a signal to this process reaches it.
  env.PORT = String(port);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", ...(dev ? ["--dev"] : [])], {
    stdio: "inherit",
    env,
  });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", async (code) => {
    await stopDatabase();
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
