// `npm run bench:otp`: throughput and p95 latency of POST /api/v1/auth/otp/verify on the production
// build against a real PostgreSQL, beside the trivial /api/health/live route of the same server, and a
// check that the 3-tries lock stayed exact under the load. The main load is a brute-force attack on
// 500 numbers (wrong codes until each is locked, then refusals); a second load sends only first
// wrong codes to fresh numbers, the heaviest path. Results: stdout and bench-results/otp.json.
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";
import pg from "pg";
import { hashOtp } from "@/lib/auth/otp";
import { applyMigrations } from "@/lib/db/migrate";
import { assertLocalDatabase } from "@/lib/db/testing";
import { buildIfNeeded } from "./lib/build";

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
/** Numbers under attack: each gets several wrong codes, so most are locked early in the run. */
const ATTACKED_PHONES = Number(process.env.BENCH_PHONES ?? 500);
/** Numbers that each see at most one wrong code: the heaviest path, reported beside. */
const FRESH_PHONES = 8000;
const RIGHT_CODE = "123456";
const WRONG_CODE = "000000";

async function main(): Promise<void> {
  assertLocalDatabase(SERVER_URL);
  const dbName = `bench_${Date.now().toString(36)}`;
  await admin(`CREATE DATABASE ${dbName}`);
  const url = Object.assign(new URL(SERVER_URL), { pathname: `/${dbName}` }).toString();
  let server: ChildProcess | undefined;
  try {
    await applyMigrations(url);
    const key = randomBytes(32).toString("hex");
    const attacked = await seedCodes(url, key, "+7702", ATTACKED_PHONES);
    const fresh = await seedCodes(url, key, "+7705", FRESH_PHONES);
    const warmup = await seedCodes(url, key, "+7707", 2000);
    buildIfNeeded();
    if (await answers()) throw new Error(`port ${PORT} is taken: stop what runs there or set BENCH_PORT`);
    server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: url,
        OTP_HASH_KEY: key,
        PSEUDONYM_KEY: key,
        NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
        SMS_PROVIDER: "outbox",
        DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? "20",
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        PORT: String(PORT),
        // autocannon stands in for a reverse proxy giving each request its own client address.
        TRUSTED_PROXIES: "127.0.0.1/32",
      },
    });
    await waitForServer();

    // Warm both routes so compilation, JIT and connection setup stay out of the figures.
    await load("/api/health/live", 3, "GET");
    let warm = 0;
    await load("/api/v1/auth/otp/verify", 5, "POST", () => ({
      phone: warmup[warm++ % warmup.length]!,
      code: WRONG_CODE,
    }));
    const trivial = await load("/api/health/live", DURATION, "GET");
    let cursor = 0;
    const verify = await load("/api/v1/auth/otp/verify", DURATION, "POST", () => ({
      phone: attacked[cursor++ % attacked.length]!,
      code: WRONG_CODE,
    }));
    const lock = await checkLock(url, key, verify.responses, sent);
    cursor = 0;
    const verifyFirstTries = await load("/api/v1/auth/otp/verify", DURATION, "POST", () => ({
      phone: fresh[cursor++ % fresh.length]!,
      code: WRONG_CODE,
    }));

    const result = {
      date: new Date().toISOString(),
      database: "PostgreSQL " + (await scalar(url, "SHOW server_version")),
      cores: (await import("node:os")).cpus().length,
      durationSeconds: DURATION,
      connections: CONNECTIONS,
      trivial,
      verify,
      verifyFirstTries,
      verifyToTrivialRatio: Number((verify.requestsPerSecond / trivial.requestsPerSecond).toFixed(3)),
      lock,
      targets: { verifyRequestsPerSecond: 300, ratio: 1 / 3 },
    };
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/otp.json", JSON.stringify(result, null, 2));
    console.log(JSON.stringify(result, null, 2));
    const met = verify.requestsPerSecond >= 300 && result.verifyToTrivialRatio >= 1 / 3 && lock.exact;
    console.log(met ? "Targets met." : "Targets NOT met.");
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

/** One active login code per phone, stored as the server stores it (keyed hash). */
async function seedCodes(url: string, key: string, prefix: string, count: number): Promise<string[]> {
  const phones = Array.from({ length: count }, (_, i) => `${prefix}${String(1_000_000 + i).padStart(7, "0")}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const now = new Date();
  const expires = new Date(now.getTime() + 60 * 60_000);
  for (let i = 0; i < phones.length; i += 500) {
    const batch = phones.slice(i, i + 500);
    const values = batch
      .map(
        (_, j) =>
          `(gen_random_uuid(), $${j * 2 + 1}, 'LOGIN', $${j * 2 + 2}, $${batch.length * 2 + 1}, $${batch.length * 2 + 2})`,
      )
      .join(",");
    const params = batch.flatMap((p) => [p, hashOtp(key, p, "LOGIN", RIGHT_CODE)]);
    await client.query(
      `INSERT INTO otp_code (id, phone, purpose, "codeHash", "createdAt", "expiresAt") VALUES ${values}`,
      [...params, now, expires],
    );
  }
  await client.end();
  return phones;
}

interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  responses: number;
  statuses: Record<string, number>;
}

let sent = 0;

function load(path: string, seconds: number, method: "GET" | "POST", body?: () => object): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  sent = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${PORT}${path}`,
        connections: CONNECTIONS,
        duration: seconds,
        method,
        headers: { "content-type": "application/json" },
        requests: [
          {
            setupRequest: (req: autocannon.Request) => {
              sent += 1;
              // Each request from its own client address, as many people logging in would be.
              const headers = { ...req.headers, "x-forwarded-for": `198.18.${(sent >> 8) & 255}.${sent & 255}` };
              return body ? { ...req, headers, body: JSON.stringify(body()) } : { ...req, headers };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        const pick = (q: number) =>
          Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(2));
        resolve({
          requestsPerSecond: Number((latencies.length / seconds).toFixed(1)),
          p50Ms: pick(0.5),
          p95Ms: pick(0.95),
          p99Ms: pick(0.99),
          responses: latencies.length,
          statuses: { ...statuses, errors: result.errors, timeouts: result.timeouts } as Record<string, number>,
        });
      },
    );
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

/** Per phone: attempts seen by the server, wrong codes counted, locks set; exact means never more than 3. */
async function checkLock(url: string, pseudonymKey: string, responses: number, sentRequests: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Audit rows name a phone's chain by its keyed pseudonym (lib/audit/personal-data.ts).
  const pseudonym = (phone: string) => createHmac("sha256", pseudonymKey).update(phone).digest("hex").slice(0, 32);
  const phones = (
    await client.query<{ phone: string }>(`SELECT phone FROM phone_guard WHERE phone LIKE '+7702%'`)
  ).rows.map((r) => r.phone);
  const { rows } = await client.query<{
    phone: string;
    attempts: string;
    wrong: string;
    locks: string;
    failed: number | null;
    locked: boolean;
  }>(
    `
    SELECT g.phone,
           count(a.*) FILTER (WHERE a.action IN ('auth.code_wrong','auth.code_refused')) AS attempts,
           count(a.*) FILTER (WHERE a.action = 'auth.code_wrong') AS wrong,
           count(a.*) FILTER (WHERE a.action = 'auth.locked') AS locks,
           max(g."failedCount") AS failed,
           bool_or(g."lockedUntil" IS NOT NULL) AS locked
    FROM unnest($1::text[], $2::text[]) AS p(phone, "chainKey")
    JOIN phone_guard g ON g.phone = p.phone
    LEFT JOIN audit_event a ON a."chainKey" = p."chainKey"
    GROUP BY g.phone`,
    [phones, phones.map((phone) => `phone:${pseudonym(phone)}`)],
  );
  await client.end();
  let violations = 0;
  let lockedPhones = 0;
  let auditedAttempts = 0;
  for (const r of rows) {
    const attempts = Number(r.attempts);
    auditedAttempts += attempts;
    const expectedWrong = Math.min(3, attempts);
    const shouldLock = attempts >= 3;
    if (
      Number(r.wrong) !== expectedWrong ||
      r.failed !== expectedWrong ||
      Number(r.locks) !== (shouldLock ? 1 : 0) ||
      r.locked !== shouldLock
    )
      violations += 1;
    if (shouldLock) lockedPhones += 1;
  }
  // Requests still in flight when the load stopped are answered (and audited) after it.
  return {
    phonesTouched: rows.length,
    lockedPhones,
    auditedAttempts,
    responses,
    sentRequests,
    violations,
    exact: violations === 0 && auditedAttempts >= responses && auditedAttempts <= sentRequests,
  };
}

async function answers(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await answers()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  await client.query(sql);
  await client.end();
}

async function scalar(url: string, sql: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(sql);
  await client.end();
  return String(Object.values(rows[0] as object)[0]);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
