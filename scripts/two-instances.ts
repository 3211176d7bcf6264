// `npm run test:instances`: two production-build app instances against one fresh PostgreSQL
// database on 127.0.0.1:5432 share every piece of state: a code requested on one verifies on the
// other; wrong codes on both count toward one lock; a session ended on one is refused by the
// other; a job enqueued while only the other runs workers is run by it. Prints "N passed, M failed".
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { closeDb, getDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { assertLocalDatabase } from "@/lib/db/testing";
import { generateSecret } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { buildIfNeeded } from "./lib/build";

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const BASE_PORT = Number(process.env.INSTANCES_PORT ?? 3310);

type Check = { name: string; run: () => Promise<void> };

async function main(): Promise<number> {
  assertLocalDatabase(SERVER_URL);
  const dbName = `instances_${Date.now().toString(36)}`;
  await admin(`CREATE DATABASE ${dbName}`);
  const url = Object.assign(new URL(SERVER_URL), { pathname: `/${dbName}` }).toString();
  const servers: ChildProcess[] = [];
  let failed = 0;
  try {
    await applyMigrations(url);
    buildIfNeeded();
    const shared = {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      OTP_HASH_KEY: randomBytes(32).toString("hex"),
      PSEUDONYM_KEY: generateSecret("PSEUDONYM_KEY"),
      AUDIT_SIGNING_KEY: generateSecret("AUDIT_SIGNING_KEY"),
      SMS_PROVIDER: "outbox",
    };
    // Instance A runs no job workers; B does.
    const a = `http://127.0.0.1:${BASE_PORT}`;
    const b = `http://127.0.0.1:${BASE_PORT + 1}`;
    servers.push(start(BASE_PORT, { ...shared, WORKERS: "0" }), start(BASE_PORT + 1, { ...shared, WORKERS: "1" }));
    await Promise.all([waitFor(a), waitFor(b)]);
    process.env.DATABASE_URL = url;
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const lastCode = async (phone: string) => {
      const { rows } = await db.query<{ text: string }>(
        `SELECT text FROM sms_message WHERE "to" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
        [phone],
      );
      return /\b(\d{6})\b/.exec(rows[0]?.text ?? "")?.[1] ?? "";
    };
    let n = 0;
    const phone = () => `+7702${String((Date.now() + n++) % 10_000_000).padStart(7, "0")}`;

    const checks: Check[] = [
      {
        name: "a code requested on A verifies on B",
        async run() {
          const p = phone();
          expectStatus(await post(a, "/api/v1/auth/otp/request", { phone: p }), 202);
          const verified = await post(b, "/api/v1/auth/otp/verify", { phone: p, code: await lastCode(p) });
          expectStatus(verified, 200);
        },
      },
      {
        name: "wrong codes sent in parallel to A and B count toward one lock (exactly 3 tries)",
        async run() {
          const p = phone();
          expectStatus(await post(a, "/api/v1/auth/otp/request", { phone: p }), 202);
          const right = await lastCode(p);
          const wrong = right === "000000" ? "111111" : "000000";
          const answers = await Promise.all(
            Array.from({ length: 10 }, (_, i) =>
              post(i % 2 ? b : a, "/api/v1/auth/otp/verify", { phone: p, code: wrong }),
            ),
          );
          const invalid = answers.filter((r) => r.status === 401).length;
          const locked = answers.filter((r) => r.status === 423).length;
          if (invalid !== 2 || locked !== 8)
            throw new Error(`expected 2 × 401 and 8 × 423, got ${invalid} and ${locked}`);
          expectStatus(await post(b, "/api/v1/auth/otp/verify", { phone: p, code: right }), 423);
          const { rows } = await db.query<{ failedCount: number }>(
            `SELECT "failedCount" FROM phone_guard WHERE phone = $1`,
            [p],
          );
          if (rows[0]?.failedCount !== 3) throw new Error(`failedCount ${rows[0]?.failedCount}`);
        },
      },
      {
        name: "a session ended on A is refused by B",
        async run() {
          const p = phone();
          expectStatus(await post(b, "/api/v1/auth/otp/request", { phone: p }), 202);
          const verified = await post(b, "/api/v1/auth/otp/verify", { phone: p, code: await lastCode(p) });
          const { token } = verified.body as { token: string };
          const auth = { authorization: `Bearer ${token}` };
          expectStatus(await get(b, "/api/v1/me", auth), 200);
          expectStatus(await post(a, "/api/v1/auth/logout", {}, auth), 200);
          expectStatus(await get(b, "/api/v1/me", auth), 401);
        },
      },
      {
        name: "a job enqueued while A has no workers is run by B's worker",
        async run() {
          const p = phone();
          await getDb().$transaction((tx) => enqueueJob(tx, "sms.send", { to: p, text: "from the queue" }));
          for (let i = 0; i < 60; i++) {
            const { rows } = await db.query(`SELECT 1 FROM sms_message WHERE "to" = $1`, [p]);
            if (rows.length) return;
            await new Promise((r) => setTimeout(r, 250));
          }
          throw new Error("the job did not run within 15 s");
        },
      },
    ];
    for (const check of checks) {
      try {
        await check.run();
        console.log(`ok   ${check.name}`);
      } catch (error) {
        failed += 1;
        console.log(`FAIL ${check.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await db.end();
    await closeDb();
    console.log(`${checks.length - failed} passed, ${failed} failed`);
    return failed;
  } finally {
    for (const s of servers) s.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1_000));
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  }
}

/** The app's own server over the production build, as `npm start` runs it. */
function start(port: number, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
}

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": `198.51.100.${(Math.random() * 250) | 0}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
}

async function get(base: string, path: string, headers: Record<string, string>) {
  const response = await fetch(base + path, { headers });
  return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
}

function expectStatus(response: { status: number; body: unknown }, status: number): void {
  if (response.status !== status)
    throw new Error(`expected HTTP ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
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

async function waitFor(base: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not start`);
}

main().then(
  (failed) => process.exit(failed ? 1 : 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
