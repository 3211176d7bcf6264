import { createServer, type Server, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { startIntegrationDatabase } from "@/lib/testing/integration";
import { closeDb } from "./client";
import { databaseAnswers } from "./health";

describe("readiness (databaseAnswers)", () => {
  let silent: Server;
  const sockets: Socket[] = [];
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => silent?.close(() => resolve()));
  });

  it("fails within a second when PostgreSQL accepts the connection but never answers", async () => {
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    process.env.DB_CONNECT_TIMEOUT_MS = "1500";
    const started = Date.now();
    expect(await databaseAnswers(1_000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_500);
    // The pool gives up on the connection itself after DB_CONNECT_TIMEOUT_MS.
    await closeDb().catch(() => undefined);
    expect(Date.now() - started).toBeLessThan(3_000);
    delete process.env.DB_CONNECT_TIMEOUT_MS;
  });

  it("answers when the database does, and fails when every pooled connection is held", async () => {
    const env = await startIntegrationDatabase();
    try {
      expect(await databaseAnswers(1_000)).toBe(true);
      // Hold every connection of the pool in an open transaction, as stuck requests would.
      const size = Number(process.env.DB_POOL_SIZE);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const holders = Array.from({ length: size }, () =>
        env.prisma.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          await held;
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await databaseAnswers(1_000)).toBe(false);
      release();
      await Promise.all(holders);
      expect(await databaseAnswers(1_000)).toBe(true);
    } finally {
      await env.close();
    }
  });
});
