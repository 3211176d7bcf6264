// `npm run bench:demo`: the one-click demo (BIZ-3) against the production build and a real
// PostgreSQL database: a fresh database (`bench_demo` on 127.0.0.1:5432 unless DATABASE_URL names
// another local one) is migrated, the server runs as `npm start` does, and the script times
// BENCH_SEQUENTIAL demo creations one after another (server time to the 303 that logs the visitor
// in, sample data included), then starts BENCH_PARALLEL at once and counts errors. Each request
// comes from its own address (X-Forwarded-For from a trusted proxy), as real visitors do, so the
// per-address limit does not apply. Results: stdout and bench-results/demo.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { assertLocalDatabase } from "@/lib/db/testing";
import { percentiles, withServer } from "./lib/bench-server";
import { buildIfNeeded } from "./lib/build";

const PORT = Number(process.env.BENCH_PORT ?? 3303);
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 40);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 50);
const TARGETS = { p95Ms: 1000, parallelErrors: 0 };

async function freshDatabase(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const admin = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/postgres" });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS bench_demo WITH (FORCE)");
  await admin.query("CREATE DATABASE bench_demo");
  await admin.end();
  return "postgresql://postgres@127.0.0.1:5432/bench_demo";
}

let address = 0;
/** One demo start from a new address: the time to the answer, and whether it logged the visitor in. */
async function startDemo(): Promise<{ ms: number; ok: boolean; status: number }> {
  address += 1;
  const ip = `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${PORT}/api/demo`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "sec-fetch-site": "same-origin",
      "x-forwarded-for": ip,
    },
    body: "",
  });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  const ok =
    response.status === 303 &&
    response.headers.get("location") === "/cabinet" &&
    /next-auth\.session-token=/.test(response.headers.get("set-cookie") ?? "");
  return { ms, ok, status: response.status };
}

async function main(): Promise<void> {
  const url = await freshDatabase();
  assertLocalDatabase(url);
  await applyMigrations(url);
  buildIfNeeded();
  const storage = await mkdtemp(path.join(tmpdir(), "bench-demo-"));
  try {
    const result = await withServer(
      { port: PORT, databaseUrl: url, env: { STORAGE_DIR: storage, TRUSTED_PROXIES: "127.0.0.1/32, ::1/128" } },
      async () => {
        for (let i = 0; i < 3; i++) await startDemo();
        const sequential = [];
        for (let i = 0; i < SEQUENTIAL; i++) sequential.push(await startDemo());
        const started = performance.now();
        const parallel = await Promise.all(Array.from({ length: PARALLEL }, () => startDemo()));
        const parallelSeconds = (performance.now() - started) / 1000;
        return {
          date: new Date().toISOString(),
          sequential: { ...percentiles(sequential.map((r) => r.ms)), errors: sequential.filter((r) => !r.ok).length },
          parallel: {
            requests: PARALLEL,
            errors: parallel.filter((r) => !r.ok).length,
            statuses: [...new Set(parallel.map((r) => r.status))],
            seconds: Number(parallelSeconds.toFixed(1)),
            ...percentiles(parallel.map((r) => r.ms)),
          },
          targets: TARGETS,
        };
      },
    );
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/demo.json", JSON.stringify(result, null, 2));
    console.log(JSON.stringify(result, null, 2));
    const met =
      result.sequential.p95Ms <= TARGETS.p95Ms &&
      result.sequential.errors === 0 &&
      result.parallel.errors === TARGETS.parallelErrors;
    console.log(met ? "Targets met." : "Targets NOT met.");
  } finally {
    await rm(storage, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
