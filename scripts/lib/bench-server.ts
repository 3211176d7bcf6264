// Helpers shared by the benchmarks (bench-audit, bench-documents): sessions for a seeded person,
// the production server as `npm start` runs it, autocannon timings, and the server's memory.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import type pg from "pg";
import { REQUIRED_SECRETS, generateSecret } from "@/lib/env";
import type { CountingProxy } from "./pg-count-proxy";

/** Every secret `npm start` demands against a real database, fresh for this run. */
export const SECRETS = Object.fromEntries(REQUIRED_SECRETS.map((name) => [name, generateSecret(name)])) as Record<
  (typeof REQUIRED_SECRETS)[number],
  string
>;

/** A session row for the person, and next-auth's cookie carrying its token. */
export async function sessionCookie(
  db: pg.Client,
  who: { personId: string; phone: string },
  place: { activePartnerId: string } | { activeCompanyId: string },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const [kind, column, value] =
    "activePartnerId" in place
      ? ["CABINET", `"activePartnerId"`, place.activePartnerId]
      : ["DESK", `"activeCompanyId"`, place.activeCompanyId];
  await db.query(
    `INSERT INTO session (id, "tokenHash", kind, "personId", phone, "activePlace", ${column}, "createdAt", "lastSeenAt", "expiresAt")
     VALUES ($1, $2, 'WEB', $3, $4, $5, $6, now() at time zone 'utc', now() at time zone 'utc', (now() + interval '12 hours') at time zone 'utc')`,
    [randomUUID(), createHash("sha256").update(token).digest("hex"), who.personId, who.phone, kind, value],
  );
  return `next-auth.session-token=${await encode({ token: { st: token }, secret: SECRETS.NEXTAUTH_SECRET })}`;
}

/** Runs the production server as `npm start` does (scripts/serve.ts over the build) for `work`. */
export async function withServer<T>(
  options: { port: number; databaseUrl: string; env?: Record<string, string>; nodeArgs?: string[] },
  work: (server: ChildProcess) => Promise<T>,
): Promise<T> {
  const { port } = options;
  const server = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", "scripts/serve.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...SECRETS,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      NEXTAUTH_URL: `http://localhost:${port}`,
      // The job workers poll the database on their own; production can run them apart (`npm run worker`).
      WORKERS: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  try {
    await waitForServer(port);
    return await work(server);
  } finally {
    server.kill("SIGTERM");
    await exited;
  }
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  responses: number;
  non2xx: number;
}

/** `path` under load for `seconds` (autocannon); the latency of every response is also pushed to `sink`. */
export function load(
  port: number,
  path: string,
  seconds: number,
  cookie: string,
  connections: number,
  sink?: number[],
): Promise<LoadResult> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: `http://127.0.0.1:${port}${path}`, connections, duration: seconds, headers: { cookie } },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        const pick = (q: number) =>
          Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(2));
        resolve({
          requestsPerSecond: Number((latencies.length / seconds).toFixed(1)),
          p50Ms: pick(0.5),
          p95Ms: pick(0.95),
          responses: latencies.length,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on("response", (_c: unknown, _s: number, _b: number, time: number) => {
      latencies.push(time);
      sink?.push(time);
    });
  });
}

/** The server's process and its children. */
function processTree(rootPid: number): number[] {
  const pids = [rootPid];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      if (pids.includes(ppid)) pids.push(Number(entry));
    } catch {
      /* the process ended */
    }
  }
  return pids;
}

/** Resident memory of the server and its children, in MB. */
export function rssMb(rootPid: number): number {
  return processTree(rootPid).reduce((sum, pid) => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      return sum + kb / 1024;
    } catch {
      return sum;
    }
  }, 0);
}

/**
 * CPU time the server and its children have used (user + system), in ms: what a page costs the
 * server whatever else the machine is doing, unlike its latency on a shared machine.
 */
export function cpuMs(rootPid: number): number {
  return processTree(rootPid).reduce((sum, pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
      return sum + (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return sum;
    }
  }, 0);
}

/** The server's memory while `work` runs: before, and the peak of samples every 100 ms. */
export async function sampleRss<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; rssBeforeMb: number; rssPeakMb: number; rssGrowthMb: number }> {
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  try {
    const result = await work();
    peak = Math.max(peak, rssMb(pid));
    return {
      result,
      rssBeforeMb: Math.round(before),
      rssPeakMb: Math.round(peak),
      rssGrowthMb: Math.round(peak - before),
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Statements of one request of `path` through the counting proxy: warmed up twice, then the
 * smallest count of three single requests (a stray statement from elsewhere only adds), with the
 * texts of that request.
 */
export async function countStatements(proxy: CountingProxy, port: number, path: string, cookie: string) {
  const once = async () => {
    const before = proxy.count;
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    // Anything the server still runs for this request (after the body) is counted too.
    await new Promise((r) => setTimeout(r, 200));
    return { count: proxy.count - before, texts: proxy.statements.slice(before) };
  };
  await once();
  await once();
  const runs = [await once(), await once(), await once()];
  return runs.reduce((a, b) => (b.count < a.count ? b : a));
}

/** p50 and p95 of pooled latencies, in ms. */
export function percentiles(latencies: number[]): { p50Ms: number; p95Ms: number; responses: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pick = (q: number) =>
    Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(2));
  return { p50Ms: pick(0.5), p95Ms: pick(0.95), responses: sorted.length };
}

export async function waitForServer(port: number): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}
