// `npm run test:instances`: two production-build app instances against one fresh PostgreSQL
// database on 127.0.0.1:5432 share every piece of state: a code requested on one verifies on the
// other; wrong codes on both count toward one lock; a session ended on one is refused by the
// other; a job enqueued while only the other runs workers is run by it; a notification reaches a
// live stream on the other (LISTEN/NOTIFY). Prints "N passed, M failed".
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { closeDb, getDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { seedLegalDocuments } from "@/lib/db/seed";
import { assertLocalDatabase } from "@/lib/db/testing";
import { generateSecret } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { notify } from "@/lib/notifications/notify";
import { randomKzTaxId } from "@/lib/validation/kz-tax-id";
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
    // This process commits notifications too; their e-mails carry links signed with the instances' secret.
    process.env.NEXTAUTH_SECRET = shared.NEXTAUTH_SECRET;
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
      {
        name: "a notification committed elsewhere, and marking it read on A, reach a live stream open on B",
        async run() {
          // Registration needs the legal texts a person accepts.
          await seedLegalDocuments(getDb());
          const p = phone();
          expectStatus(await post(a, "/api/v1/auth/otp/request", { phone: p }), 202);
          const verified = await post(a, "/api/v1/auth/otp/verify", { phone: p, code: await lastCode(p) });
          const auth = { authorization: `Bearer ${(verified.body as { token: string }).token}` };
          const registered = await post(
            a,
            "/api/v1/auth/register",
            {
              name: "Поток Проверка",
              email: "stream@example.kz",
              partnerType: "LEGAL_ENTITY",
              partnerName: "ТОО «Поток»",
              taxId: randomKzTaxId(),
              accept: true,
              adult: true,
            },
            auth,
          );
          expectStatus(registered, 201);
          const { personId } = registered.body as { personId: string };
          const stream = await fetch(`${b}/api/notifications/stream`, { headers: auth });
          if (stream.status !== 200 || !stream.body) throw new Error(`stream answered ${stream.status}`);
          const reader = stream.body.getReader();
          const decoder = new TextDecoder();
          let buffer = "";
          const nextUnread = async (): Promise<number> => {
            const deadline = Date.now() + 10_000;
            for (;;) {
              const event = /event: unread\ndata: (\{.*\})\n\n/.exec(buffer);
              if (event) {
                buffer = buffer.slice(event.index + event[0].length);
                return (JSON.parse(event[1]!) as { unread: number }).unread;
              }
              if (Date.now() > deadline) throw new Error("no unread event within 10 s");
              const { value, done } = await reader.read();
              if (done) throw new Error("the stream closed");
              buffer += decoder.decode(value, { stream: true });
            }
          };
          try {
            if ((await nextUnread()) !== 0) throw new Error("expected 0 unread at first");
            await getDb().$transaction((tx) =>
              notify(tx, {
                personIds: [personId],
                kind: "request.created",
                params: { number: "З-1", subject: "Проверка" },
                link: "/cabinet",
              }),
            );
            if ((await nextUnread()) !== 1) throw new Error("expected 1 unread after notify");
            expectStatus(await post(a, "/api/v1/notifications/read", { all: true }, auth), 200);
            if ((await nextUnread()) !== 0) throw new Error("expected 0 unread after marking read on A");
          } finally {
            await reader.cancel().catch(() => undefined);
          }
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
