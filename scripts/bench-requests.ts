// `npm run bench:requests`: on a database filled by `npm run seed:scale` (DATABASE_URL), runs the
// production build the way `npm start` does (scripts/serve.ts) and reports
// - the p95 server time of the desk's request queue of the accountant serving 300 Partners, and of
//   the thread of 500 messages (as the accountant opens it at the desk), beside a trivial page of
//   the same server, loaded in turns so a change in the machine's load weighs on all alike;
// - how fast the job worker (`npm run worker`, outbox SMS provider) drains 10,000 notifications
//   queued by one change (an SMS copy each), from the moment it is ready until the last is sent;
//   BENCH_PAGES_ONLY=1 leaves this out (the pages alone).
// Results: stdout and bench-results/requests.json.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { assertLocalDatabase } from "@/lib/db/testing";
import { SECRETS, countStatements, cpuMs, load, percentiles, sessionCookie, withServer } from "./lib/bench-server";
import { buildIfNeeded } from "./lib/build";
import { startCountingProxy } from "./lib/pg-count-proxy";
import { SCALE_ACCOUNTANT_PHONE } from "./lib/seed-requests";

const PORT = Number(process.env.BENCH_PORT ?? 3303);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const NOTIFICATIONS = Number(process.env.BENCH_NOTIFICATIONS ?? 10_000);
const PAGES_ONLY = process.env.BENCH_PAGES_ONLY === "1";
const TARGETS = { queueToTrivialP95: 2, threadToTrivialP95: 2, drainPerSecond: 200 };

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a database filled by `npm run seed:scale`");
  assertLocalDatabase(url);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const {
      rows: [accountant],
    } = await db.query<{ personId: string; phone: string; companyId: string; staffId: string; partners: number }>(
      `SELECT p.id AS "personId", p.phone, s."companyId", s.id AS "staffId",
              (SELECT count(DISTINCT a."partnerId")::int FROM staff_assignment a WHERE a."staffMemberId" = s.id) AS partners
         FROM person p JOIN staff_member s ON s."personId" = p.id WHERE p.phone = $1`,
      [SCALE_ACCOUNTANT_PHONE],
    );
    if (!accountant) throw new Error("No scale accountant: run `npm run seed:scale` first");
    const {
      rows: [thread],
    } = await db.query<{ id: string; messages: number }>(
      `SELECT r.id, count(*)::int AS messages FROM request r JOIN request_message m ON m."requestId" = r.id
        JOIN staff_assignment a ON a."partnerId" = r."partnerId" AND a."staffMemberId" = $1
        GROUP BY r.id ORDER BY count(*) DESC LIMIT 1`,
      [accountant.staffId],
    );
    const {
      rows: [counts],
    } = await db.query<{ requests: number; messages: number; queue: number }>(
      `SELECT (SELECT count(*)::int FROM request) AS requests, (SELECT count(*)::int FROM request_message) AS messages,
              (SELECT count(*)::int FROM request r WHERE r."companyId" = $1
                  AND r."partnerId" IN (SELECT "partnerId" FROM staff_assignment WHERE "staffMemberId" = $2)
                  AND r.status IN ('NEW', 'IN_PROGRESS', 'WAITING_PARTNER')) AS queue`,
      [accountant.companyId, accountant.staffId],
    );
    const cookie = await sessionCookie(db, accountant, { activeCompanyId: accountant.companyId });
    buildIfNeeded();
    const queuePath = "/desk/requests";
    const threadPath = `/desk/requests/${thread!.id}`;
    const pages = [
      ["trivial", "/tariffs"],
      ["queue", queuePath],
      ["thread", threadPath],
    ] as const;

    // First run: through the counting proxy, one request at a time, for the statements of each page.
    const proxy = await startCountingProxy(url);
    const statements = await withServer({ port: PORT, databaseUrl: proxy.url }, async () => {
      const perRequest: Record<string, number> = {};
      for (const [name, p] of pages) perRequest[name] = (await countStatements(proxy, PORT, p, cookie)).count;
      return perRequest;
    });
    await proxy.close();

    const timings = await withServer({ port: PORT, databaseUrl: url }, async (server) => {
      const pageBytes: Record<string, number> = {};
      for (const [name, p] of pages) pageBytes[name] = await expectPage(p, cookie);
      for (const [, p] of pages) await load(PORT, p, 3, cookie, CONNECTIONS);
      const pooled = { trivial: [] as number[], queue: [] as number[], thread: [] as number[] };
      const cpu = { trivial: 0, queue: 0, thread: 0 };
      let non2xx = 0;
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, p] of pages) {
          const before = cpuMs(server.pid!);
          non2xx += (await load(PORT, p, DURATION / ROUNDS, cookie, CONNECTIONS, pooled[name])).non2xx;
          cpu[name] += cpuMs(server.pid!) - before;
        }
      }
      const [trivial, queue, threadPage] = [pooled.trivial, pooled.queue, pooled.thread].map(percentiles) as [
        ReturnType<typeof percentiles>,
        ReturnType<typeof percentiles>,
        ReturnType<typeof percentiles>,
      ];
      const perRequest = (name: keyof typeof cpu) => Number((cpu[name] / pooled[name].length).toFixed(1));
      return {
        trivialPage: trivial,
        deskQueue: queue,
        thread: threadPage,
        non2xx,
        pageBytes,
        serverCpuMsPerRequest: {
          trivialPage: perRequest("trivial"),
          deskQueue: perRequest("queue"),
          thread: perRequest("thread"),
        },
        queueToTrivialP95: Number((queue.p95Ms / trivial.p95Ms).toFixed(2)),
        threadToTrivialP95: Number((threadPage.p95Ms / trivial.p95Ms).toFixed(2)),
      };
    });

    const drain = PAGES_ONLY ? null : await drainNotifications(db, url);
    const output = {
      date: new Date().toISOString(),
      data: {
        requests: counts!.requests,
        messages: counts!.messages,
        accountantPartners: accountant.partners,
        accountantOpenRequests: counts!.queue,
        threadMessages: thread!.messages,
      },
      connections: CONNECTIONS,
      ...timings,
      statements,
      drain,
      targets: TARGETS,
    };
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/requests.json", JSON.stringify(output, null, 2));
    console.log(JSON.stringify(output, null, 2));
    const met =
      timings.non2xx === 0 &&
      timings.queueToTrivialP95 <= TARGETS.queueToTrivialP95 &&
      timings.threadToTrivialP95 <= TARGETS.threadToTrivialP95 &&
      (drain === null || (drain.sent === NOTIFICATIONS && drain.perSecond >= TARGETS.drainPerSecond));
    console.log(met ? "Targets met." : "Targets NOT met.");
  } finally {
    await db.end();
  }
}

/**
 * Answers 200 with the page's own markup, so the timings are of the real page and not a redirect;
 * returns the page's size in bytes (its HTML with the React payload inlined, uncompressed).
 */
async function expectPage(path: string, cookie: string): Promise<number> {
  const response = await fetch(`http://localhost:${PORT}${path}`, { headers: { cookie }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return (await response.arrayBuffer()).byteLength;
}

/**
 * One change tells NOTIFICATIONS people of a status change (the kind copied by SMS by default): the
 * app's own notify() in one transaction queues an SMS job each. Then a worker process starts; the
 * time runs from its "running" line until the outbox holds every message.
 */
async function drainNotifications(db: pg.Client, url: string) {
  const { rows: people } = await db.query<{ id: string }>(
    `SELECT id FROM person WHERE phone LIKE '+7708%' ORDER BY phone LIMIT $1`,
    [NOTIFICATIONS],
  );
  if (people.length < NOTIFICATIONS) throw new Error(`only ${people.length} people to notify`);
  // The app's modules read their settings when first used: this process enqueues through them.
  Object.assign(process.env, SECRETS, { DATABASE_URL: url, SMS_PROVIDER: "outbox" });
  const [{ getDb, closeDb }, { notify }] = await Promise.all([
    import("@/lib/db/client"),
    import("@/lib/notifications/notify"),
  ]);
  const queuedAt = Date.now();
  const since = new Date(queuedAt);
  await getDb().$transaction(
    async (tx) => {
      await notify(tx, {
        personIds: people.map((p) => p.id),
        kind: "request.status",
        params: { number: "З-2026-0001", subject: "Нагрузка", status: "RESOLVED" },
        link: "/cabinet/requests",
      });
    },
    { timeout: 120_000 },
  );
  const queueSeconds = (Date.now() - queuedAt) / 1000;
  await closeDb();

  const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...SECRETS, DATABASE_URL: url, SMS_PROVIDER: "outbox", NODE_ENV: "production" },
  });
  try {
    const readyAt = await new Promise<number>((resolve, reject) => {
      worker.stdout!.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("[worker] running")) resolve(Date.now());
      });
      worker.once("exit", (code) => reject(new Error(`the worker exited with ${code}`)));
    });
    let sent = 0;
    const deadline = Date.now() + 600_000;
    while (Date.now() < deadline) {
      sent = (
        await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sms_message WHERE "createdAt" >= $1`, [since])
      ).rows[0]!.n;
      if (sent >= NOTIFICATIONS) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (Date.now() - readyAt) / 1000;
    return {
      queued: NOTIFICATIONS,
      queueSeconds: Number(queueSeconds.toFixed(2)),
      sent,
      seconds: Number(seconds.toFixed(2)),
      perSecond: Math.round(sent / seconds),
    };
  } finally {
    worker.kill("SIGTERM");
    await new Promise((r) => worker.once("exit", r));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
