import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { startIntegrationDatabase, uniquePhone } from "@/lib/testing/integration";
import { createBoss, poolExecutor } from "./boss";
import { enqueueJob } from "./enqueue";
import { getJobHealth } from "./health";
import { drainJobs, startWorkers, stopWorkers } from "./worker";

// Runs on the embedded database by default (one connection shared by app and workers, as with
// `npm start`) and on a PostgreSQL server with TEST_DATABASE_URL.
let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await stopWorkers(1_000);
  await env.close();
});

const outbox = (to: string) => env.prisma.smsMessage.findMany({ where: { to } });

async function until<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("jobs enqueued in the change's transaction", () => {
  it("a rolled-back change sends nothing; a committed one sends once", async () => {
    const lost = uniquePhone();
    await expect(
      env.prisma.$transaction(async (tx) => {
        await enqueueJob(tx, "sms.send", { to: lost, text: "rolled back" });
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    const kept = uniquePhone();
    await env.prisma.$transaction((tx) => enqueueJob(tx, "sms.send", { to: kept, text: "committed" }));

    await drainJobs("sms.send");
    expect(await outbox(lost)).toHaveLength(0);
    expect((await outbox(kept)).map((m) => m.text)).toEqual(["committed"]);
    await drainJobs("sms.send");
    expect(await outbox(kept)).toHaveLength(1);
  });

  it("refuses a payload that does not match the job's schema, failing the change", async () => {
    await expect(
      env.prisma.$transaction((tx) => enqueueJob(tx, "sms.send", { to: "not a phone", text: "x" })),
    ).rejects.toThrow();
  });
});

describe("draining a queue", () => {
  it("a burst goes out in batches without the polling pause, and a failing job does not hold back its batch", async () => {
    const phones = Array.from({ length: 200 }, () => uniquePhone());
    await env.prisma.$transaction(async (tx) => {
      for (const to of phones) await enqueueJob(tx, "sms.send", { to, text: "burst" });
    });
    // A row its payload schema refuses (as one written by an older version could be): it fails alone.
    const bad = await createBoss(poolExecutor(getPool())).send("sms.send", { to: 42 }, { retryLimit: 0 });
    const started = Date.now();
    await startWorkers({ pollingIntervalSeconds: 2 });
    try {
      await until(
        async () => (await env.prisma.smsMessage.count({ where: { to: { in: phones }, text: "burst" } })) === 200,
        60_000,
      );
      // One job per polling interval would take over six minutes.
      expect(Date.now() - started).toBeLessThan(30_000);
      await until(async () => {
        const [row] = await env.prisma.$queryRawUnsafe<{ state: string }[]>(
          `SELECT state::text FROM pgboss.job WHERE id = $1::uuid`,
          bad,
        );
        return row?.state === "failed";
      });
    } finally {
      await stopWorkers(1_000);
    }
  });
});

describe("failures", () => {
  let gateway: Server;
  beforeAll(async () => {
    gateway = createServer((_req, res) => {
      res.writeHead(500);
      res.end("down");
    });
    await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => gateway.close(() => resolve()));
    process.env.SMS_PROVIDER = "outbox";
  });

  it("a job whose retries are used up stays visible with its error", async () => {
    process.env.SMS_PROVIDER = "mobizon";
    process.env.MOBIZON_API_KEY = "test-key";
    process.env.MOBIZON_API_URL = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
    const to = uniquePhone();
    const id = await env.prisma.$transaction((tx) =>
      enqueueJob(tx, "sms.send", { to, text: "secret 123456" }, { retryLimit: 0 }),
    );
    expect(await drainJobs("sms.send")).toEqual({ completed: 0, failed: 1 });
    process.env.SMS_PROVIDER = "outbox";

    const health = await getJobHealth();
    expect(health.counts.failed).toBeGreaterThanOrEqual(1);
    expect(health.queues["sms.send"]?.failed).toBeGreaterThanOrEqual(1);
    const failure = health.failures.find((f) => f.id === id);
    expect(failure).toMatchObject({ queue: "sms.send", attempts: 1 });
    expect(failure?.error).toContain("HTTP 500");
    expect(failure?.error).not.toContain("123456");
    expect(Date.now() - failure!.failedAt.getTime()).toBeLessThan(60_000);
  });

  it("a job whose worker died mid-run is expired and run again by another worker", async () => {
    const to = uniquePhone();
    const id = await env.prisma.$transaction((tx) =>
      enqueueJob(tx, "sms.send", { to, text: "after a crash" }, { expireInSeconds: 1, retryDelay: 1 }),
    );
    // The first worker takes the job and dies: it never completes or fails it.
    const dead = createBoss(poolExecutor(getPool()));
    const [taken] = await dead.fetch("sms.send");
    expect(taken?.id).toBe(id);

    process.env.JOBS_MAINTENANCE_SECONDS = "1";
    await startWorkers({ pollingIntervalSeconds: 0.5 });
    const [sms] = await until(async () => {
      const rows = await outbox(to);
      return rows.length ? rows : undefined;
    });
    expect(sms?.text).toBe("after a crash");
    const [row] = await env.prisma.$queryRawUnsafe<{ state: string; retry_count: number }[]>(
      `SELECT state::text, retry_count FROM pgboss.job WHERE id = $1::uuid`,
      id,
    );
    await until(async () => {
      const [r] = await env.prisma.$queryRawUnsafe<{ state: string }[]>(
        `SELECT state::text FROM pgboss.job WHERE id = $1::uuid`,
        id,
      );
      return r?.state === "completed";
    });
    expect(row?.retry_count).toBe(1);
    await stopWorkers(1_000);
  });
});

describe("periodic jobs", () => {
  it("workers write the registry's schedules; the hourly purge drops only old rate-limit windows", async () => {
    await startWorkers();
    const schedules = await env.prisma.$queryRawUnsafe<{ name: string; cron: string }[]>(
      `SELECT name, cron FROM pgboss.schedule ORDER BY name`,
    );
    expect(schedules).toEqual([
      { name: "audit.checkpoint", cron: "7 * * * *" },
      { name: "demo.purge", cron: "23 * * * *" },
      { name: "maintenance.purge-rate-limits", cron: "17 * * * *" },
      { name: "requests.due", cron: "*/5 * * * *" },
      { name: "security.detect-suspicious", cron: "*/5 * * * *" },
      { name: "signatures.remind", cron: "*/5 * * * *" },
    ]);
    await stopWorkers(1_000);

    const old = new Date(Date.now() - 3 * 24 * 3600_000);
    const recent = new Date(Date.now() - 3600_000);
    await env.prisma.rateLimitBucket.createMany({
      data: [
        { key: "otp-request:ip:192.0.2.9", windowStart: old, count: 4 },
        { key: "otp-request:ip:192.0.2.9", windowStart: recent, count: 2 },
      ],
    });
    await env.prisma.$transaction((tx) => enqueueJob(tx, "maintenance.purge-rate-limits", {}));
    expect(await drainJobs("maintenance.purge-rate-limits")).toEqual({ completed: 1, failed: 0 });
    const left = await env.prisma.rateLimitBucket.findMany({ where: { key: "otp-request:ip:192.0.2.9" } });
    expect(left.map((b) => b.count)).toEqual([2]);
  });
});

describe("audit checkpoints", () => {
  it("the hourly job signs every chain's head, so audit:verify has an anchor", async () => {
    const before = await env.prisma.auditCheckpoint.count();
    await env.prisma.$transaction((tx) => enqueueJob(tx, "audit.checkpoint", {}));
    expect(await drainJobs("audit.checkpoint")).toEqual({ completed: 1, failed: 0 });
    expect(await env.prisma.auditCheckpoint.count()).toBe(before + 1);
  });
});

describe("e-mail", () => {
  it("reaches the SMTP server through the email.send job", async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push(Buffer.concat(chunks).toString("utf8"));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    try {
      await env.prisma.$transaction((tx) =>
        enqueueJob(tx, "email.send", { to: "dana@example.kz", subject: "Приглашение", text: "Добро пожаловать" }),
      );
      expect(await drainJobs("email.send")).toEqual({ completed: 1, failed: 0 });
      expect(received).toHaveLength(1);
      expect(received[0]).toContain("To: dana@example.kz");
      expect(received[0]).toMatch(/Subject: =\?UTF-8\?/);
    } finally {
      delete process.env.SMTP_URL;
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
