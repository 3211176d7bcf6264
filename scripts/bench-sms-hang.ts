// `npm run bench:sms-hang`: the production build on a fresh PostgreSQL database (127.0.0.1:5432),
// configured against a fake SMS gateway that accepts connections and never answers. 30 parallel
// login-code requests must each answer within the gateway timeout plus one second with no 500,
// while a logged-in demo user's /cabinet keeps answering under one second. Results: stdout and
// bench-results/sms-hang.json; exits non-zero when a check fails.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { assertLocalDatabase } from "@/lib/db/testing";
import { buildIfNeeded } from "./lib/build";

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.BENCH_PORT ?? 3302);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const SMS_TIMEOUT_MS = Number(process.env.BENCH_SMS_TIMEOUT_MS ?? 5_000);
const NEXT_BIN = "node_modules/next/dist/bin/next";

interface Answer {
  status: number;
  ms: number;
  error?: string;
}

async function main(): Promise<void> {
  assertLocalDatabase(SERVER_URL);
  const dbName = `bench_sms_${Date.now().toString(36)}`;
  await admin(`CREATE DATABASE ${dbName}`);
  const url = Object.assign(new URL(SERVER_URL), { pathname: `/${dbName}` }).toString();
  const gateway = await startSilentGateway();
  let server: ChildProcess | undefined;
  try {
    await applyMigrations(url);
    const prisma = createPrismaClient(url);
    await seedDemoData(prisma);
    await prisma.$disconnect();
    const secret = randomBytes(32).toString("hex");
    const cookie = await demoSessionCookie(url, secret);

    buildIfNeeded();
    server = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(PORT)], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: url,
        NEXTAUTH_SECRET: secret,
        OTP_HASH_KEY: secret,
        NEXTAUTH_URL: `http://localhost:${PORT}`,
        SMS_PROVIDER: "mobizon",
        MOBIZON_API_KEY: "bench",
        MOBIZON_API_URL: `http://127.0.0.1:${gateway.port}`,
        SMS_TIMEOUT_MS: String(SMS_TIMEOUT_MS),
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    await waitForServer();
    // Warm the routes so compilation and connection set-up stay out of the figures.
    await cabinet(cookie);
    await requestCode("+77080000000", "192.0.2.250");

    const before = await sample(cookie, 10);
    let done = false;
    const codes = Promise.all(
      Array.from({ length: REQUESTS }, (_, i) =>
        requestCode(`+7708${String(1_000_000 + i).padStart(7, "0")}`, `192.0.2.${i + 1}`),
      ),
    ).finally(() => (done = true));
    const during: Answer[] = [];
    while (!done) during.push(await cabinet(cookie));
    const answers = await codes;

    const limitMs = SMS_TIMEOUT_MS + 1_000;
    const result = {
      date: new Date().toISOString(),
      database: "PostgreSQL " + (await scalar(url, "SHOW server_version")),
      smsTimeoutMs: SMS_TIMEOUT_MS,
      gatewayConnections: gateway.connections(),
      codeRequests: summarise(answers),
      cabinetBefore: summarise(before),
      cabinetDuring: summarise(during),
      checks: {
        no500: answers.every((a) => a.status !== 500),
        onlySmsFailedOrSent: answers.every((a) => a.status === 202 || (a.status === 503 && a.error === "sms_failed")),
        allWithinTimeoutPlus1s: answers.every((a) => a.ms <= limitMs),
        cabinetUnder1s: during.every((a) => a.status === 200 && a.ms < 1_000),
      },
    };
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/sms-hang.json", JSON.stringify(result, null, 2));
    console.log(JSON.stringify(result, null, 2));
    const failed = Object.entries(result.checks).filter(([, ok]) => !ok);
    if (failed.length) throw new Error(`failed: ${failed.map(([name]) => name).join(", ")}`);
    console.log("All checks passed.");
  } finally {
    server?.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    gateway.stop();
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  }
}

/** Accepts every connection and never writes a byte, like a gateway stuck behind a firewall. */
async function startSilentGateway() {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    connections: () => sockets.length,
    stop: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

/** A session row for the demo primary user and next-auth's cookie carrying its token. */
async function demoSessionCookie(url: string, secret: string): Promise<string> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const {
    rows: [primary],
  } = await db.query<{ personId: string; partnerId: string }>(
    `SELECT p.id AS "personId", m."partnerId" FROM person p JOIN membership m ON m."personId" = p.id
     WHERE p.phone = $1 AND m.role = 'PRIMARY' LIMIT 1`,
    [DEMO_ACCOUNTS.primary.phone],
  );
  const token = randomBytes(32).toString("base64url");
  await db.query(
    `INSERT INTO session (id, "tokenHash", kind, "personId", phone, "activePartnerId", "createdAt", "lastSeenAt", "expiresAt")
     VALUES ($1, $2, 'WEB', $3, $4, $5, now() at time zone 'utc', now() at time zone 'utc', (now() + interval '12 hours') at time zone 'utc')`,
    [
      randomUUID(),
      createHash("sha256").update(token).digest("hex"),
      primary!.personId,
      DEMO_ACCOUNTS.primary.phone,
      primary!.partnerId,
    ],
  );
  await db.end();
  return `next-auth.session-token=${await encode({ token: { st: token }, secret })}`;
}

async function requestCode(phone: string, ip: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${PORT}/api/v1/auth/otp/request`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify({ phone }),
  });
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  return { status: response.status, ms: performance.now() - started, error: body.error };
}

async function cabinet(cookie: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${PORT}/cabinet`, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

async function sample(cookie: string, n: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = 0; i < n; i++) answers.push(await cabinet(cookie));
  return answers;
}

function summarise(answers: Answer[]) {
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
  const at = (q: number) => Number((ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0).toFixed(1));
  const statuses: Record<string, number> = {};
  for (const a of answers) {
    const key = a.error ? `${a.status} ${a.error}` : String(a.status);
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  return { count: answers.length, statuses, minMs: at(0), p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function scalar(url: string, sql: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return String(Object.values((await client.query(sql)).rows[0] ?? {})[0]);
  } finally {
    await client.end();
  }
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health/ready`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
