// `npx tsx scripts/profile-requests.ts`: the production server of bench:requests under a CPU
// profiler while one page of it is loaded (PROFILE_PAGE: trivial, queue or thread; PROFILE_SECONDS),
// as the accountant of the scale data. The profiles are written to PROFILE_DIR (default
// bench-results/profiles, one folder per run; the largest file is the main thread's) when the server
// stops; `npx tsx scripts/lib/cpuprofile-summary.ts <file> 30 "" <PROFILE_SECONDS>` sums the load by
// module and function.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { assertLocalDatabase } from "@/lib/db/testing";
import { load, sessionCookie, withServer } from "./lib/bench-server";
import { buildIfNeeded } from "./lib/build";
import { SCALE_ACCOUNTANT_PHONE } from "./lib/seed-requests";

const PORT = Number(process.env.BENCH_PORT ?? 3304);
const PAGE = process.env.PROFILE_PAGE ?? "thread";
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const DIR = path.resolve(process.env.PROFILE_DIR ?? "bench-results/profiles");

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a database filled by `npm run seed:scale`");
  assertLocalDatabase(url);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const {
      rows: [accountant],
    } = await db.query<{ personId: string; phone: string; companyId: string; staffId: string }>(
      `SELECT p.id AS "personId", p.phone, s."companyId", s.id AS "staffId"
         FROM person p JOIN staff_member s ON s."personId" = p.id WHERE p.phone = $1`,
      [SCALE_ACCOUNTANT_PHONE],
    );
    if (!accountant) throw new Error("No scale accountant: run `npm run seed:scale` first");
    const {
      rows: [thread],
    } = await db.query<{ id: string }>(
      `SELECT r.id FROM request r JOIN request_message m ON m."requestId" = r.id
        JOIN staff_assignment a ON a."partnerId" = r."partnerId" AND a."staffMemberId" = $1
        GROUP BY r.id ORDER BY count(*) DESC LIMIT 1`,
      [accountant.staffId],
    );
    const cookie = await sessionCookie(db, accountant, { activeCompanyId: accountant.companyId });
    const pages: Record<string, string> = {
      trivial: "/tariffs",
      queue: "/desk/requests",
      thread: `/desk/requests/${thread!.id}`,
    };
    const page = pages[PAGE];
    if (!page) throw new Error(`PROFILE_PAGE is one of ${Object.keys(pages).join(", ")}`);
    buildIfNeeded();
    mkdirSync(DIR, { recursive: true });
    // One folder per run: the server's main thread and the module loader's thread each write one.
    const out = path.join(DIR, `${PAGE}-${Date.now()}`);
    await withServer({ port: PORT, databaseUrl: url, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${out}`] }, async () => {
      await load(PORT, page, 3, cookie, 1);
      const result = await load(PORT, page, SECONDS, cookie, 1);
      const html = await (await fetch(`http://127.0.0.1:${PORT}${page}`, { headers: { cookie } })).text();
      writeFileSync(path.join(DIR, `${PAGE}.html`), html);
      console.log(
        `${PAGE} ${page}: ${result.responses} responses, p50 ${result.p50Ms} ms, ${Buffer.byteLength(html)} bytes`,
      );
    });
    console.log(`profiles (the largest is the server's main thread): ${out}`);
  } finally {
    await db.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
