// `npm run bench:audit`: on a database filled by `npm run seed:scale` (DATABASE_URL), runs the
// production build the way `npm start` does (scripts/serve.ts) and reports the p95 server time of
// the audit page filtered by person and month beside a trivial page of the same server, the server's
// memory growth during a CSV export of the big Partner's 100,000 events, and how many SQL
// statements each page runs (counted by a proxy in front of PostgreSQL, in a first, separate run of
// the server so the proxy's hop does not weigh on the timings). Results: stdout and
// bench-results/audit.json.
import type { ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { assertLocalDatabase } from "@/lib/db/testing";
import { countStatements, rssMb, sessionCookie, load as loadOn, withServer as withServerOn } from "./lib/bench-server";
import { buildIfNeeded } from "./lib/build";
import { startCountingProxy } from "./lib/pg-count-proxy";

const PORT = Number(process.env.BENCH_PORT ?? 3301);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
/** One connection measures server time; more add queueing on a 2-core machine (BENCH_CONNECTIONS=4). */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 1);

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a database filled by `npm run seed:scale`");
  assertLocalDatabase(url);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const counts = await db.query<{ partners: number; persons: number; events: string }>(
    `SELECT (SELECT count(*)::int FROM partner) AS partners, (SELECT count(*)::int FROM person) AS persons, (SELECT count(*) FROM audit_event) AS events`,
  );
  // The Partner with the most events, its primary user, and its busiest person in the busiest month.
  const {
    rows: [big],
  } = await db.query<{ partnerId: string; events: string }>(
    `SELECT "partnerId", count(*) AS events FROM audit_event WHERE "partnerId" IS NOT NULL GROUP BY "partnerId" ORDER BY count(*) DESC LIMIT 1`,
  );
  const {
    rows: [primary],
  } = await db.query<{ personId: string; phone: string }>(
    `SELECT m."personId", p.phone FROM membership m JOIN person p ON p.id = m."personId" WHERE m."partnerId" = $1 AND m.role = 'PRIMARY'`,
    [big!.partnerId],
  );
  const {
    rows: [target],
  } = await db.query<{ personId: string; month: string; events: string }>(
    `SELECT "actorPersonId" AS "personId", to_char(date_trunc('month', "createdAt"), 'YYYY-MM') AS month, count(*) AS events
     FROM audit_event WHERE "partnerId" = $1 GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
    [big!.partnerId],
  );
  const cookie = await sessionCookie(db, primary!, { activePartnerId: big!.partnerId });
  // A manager at an outsourcing company's desk (seed:scale makes one serving every Partner).
  const {
    rows: [manager],
  } = await db.query<{ personId: string; phone: string; companyId: string }>(
    `SELECT s."personId", p.phone, s."companyId" FROM staff_member s JOIN person p ON p.id = s."personId" WHERE s.role = 'MANAGER' LIMIT 1`,
  );
  const deskCookie = manager ? await sessionCookie(db, manager, { activeCompanyId: manager.companyId }) : null;
  await db.end();

  const [year, month] = target!.month.split("-").map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const auditPath = `/cabinet/audit?person=${target!.personId}&from=${target!.month}-01&to=${target!.month}-${lastDay}`;

  buildIfNeeded();
  // First run: through the counting proxy, one request at a time.
  const proxy = await startCountingProxy(url);
  const statements = await withServer(proxy.url, async () => {
    const pages: [string, string, string][] = [
      ["trivialPage", "/tariffs", cookie],
      ["auditPage", auditPath, cookie],
      ["cabinetHome", "/cabinet", cookie],
      ...(deskCookie ? [["deskManager", "/desk", deskCookie] as [string, string, string]] : []),
    ];
    const perPage: Record<string, number> = {};
    let auditStatements: string[] = [];
    for (const [name, path, pageCookie] of pages) {
      const { count, texts } = await countStatements(proxy, PORT, path, pageCookie);
      perPage[name] = count;
      if (name === "auditPage") auditStatements = texts;
    }
    return { perRequest: perPage, auditPage: auditStatements.map((t) => t.replace(/\s+/g, " ").slice(0, 120)) };
  });
  await proxy.close();

  // Second run: straight to PostgreSQL, for the timings and the export's memory.
  await withServer(url, async (server) => {
    await load("/tariffs", 3, cookie);
    await load(auditPath, 3, cookie);
    const trivial = await load("/tariffs", DURATION, cookie);
    const audit = await load(auditPath, DURATION, cookie);
    // Where the audit page's time goes: another cabinet page (the layout and the read path alone),
    // and the audit page whose person filter matches nobody (everything but the rows).
    const breakdown = {
      cabinetProfilePage: await load("/cabinet/profile", Math.min(DURATION, 10), cookie),
      auditPageWithoutRows: await load(
        `/cabinet/audit?person=00000000-0000-4000-8000-000000000000&from=${target!.month}-01`,
        Math.min(DURATION, 10),
        cookie,
      ),
    };
    const exportResult = await measureExport(server.pid!, cookie);

    const result = {
      date: new Date().toISOString(),
      data: {
        partners: counts.rows[0]!.partners,
        persons: counts.rows[0]!.persons,
        auditEvents: Number(counts.rows[0]!.events),
        bigPartnerEvents: Number(big!.events),
        personMonthEvents: Number(target!.events),
      },
      connections: CONNECTIONS,
      trivialPage: trivial,
      auditPage: audit,
      auditToTrivialP95: Number((audit.p95Ms / trivial.p95Ms).toFixed(2)),
      breakdown,
      statements,
      csvExport: exportResult,
      targets: { auditP95Ms: 100, auditToTrivialP95: 2, exportGrowthMb: 100 },
    };
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/audit.json", JSON.stringify(result, null, 2));
    console.log(JSON.stringify(result, null, 2));
    const met =
      audit.p95Ms <= 100 &&
      result.auditToTrivialP95 <= 2 &&
      exportResult.rssGrowthMb < 100 &&
      exportResult.rows >= 100_000;
    console.log(met ? "Targets met." : "Targets NOT met.");
  });
}

/** Runs the production server as `npm start` does (scripts/serve.ts over the build) for `work`. */
function withServer<T>(databaseUrl: string, work: (server: ChildProcess) => Promise<T>): Promise<T> {
  return withServerOn({ port: PORT, databaseUrl }, work);
}

function load(path: string, seconds: number, cookie: string) {
  return loadOn(PORT, path, seconds, cookie, CONNECTIONS);
}

async function measureExport(pid: number, cookie: string) {
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  const started = Date.now();
  const response = await fetch(`http://127.0.0.1:${PORT}/api/cabinet/audit/export`, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
  let bytes = 0;
  let rows = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) rows += 1;
  }
  clearInterval(sampler);
  return {
    rows: rows - 1,
    megabytes: Number((bytes / 1048576).toFixed(1)),
    seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
    rssBeforeMb: Math.round(before),
    rssPeakMb: Math.round(peak),
    rssGrowthMb: Math.round(peak - before),
  };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
