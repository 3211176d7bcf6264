import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EICAR } from "@/lib/documents/inspect/hostile-files";
import { makePdf } from "@/lib/documents/inspect/samples";
import { EICAR_SIGNATURE, startClamd } from "@/lib/testing/clamd";
import { pingClamd, ScanError, scanFile } from "./clamd";

let clamd: Awaited<ReturnType<typeof startClamd>>;
let dir: string;

async function file(name: string, content: Buffer | string) {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** A port that takes connections and then says nothing. */
async function silentServer(): Promise<{ url: string; server: Server }> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("no port");
  return { url: `tcp://127.0.0.1:${address.port}`, server };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "scan-test-"));
  clamd = await startClamd();
});
afterAll(async () => {
  await clamd?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("scanFile", () => {
  it("answers PING", async () => {
    expect(await pingClamd(clamd.url)).toBe(true);
  });

  it("finds a clean file clean", async () => {
    expect(await scanFile(await file("clean.pdf", makePdf()), clamd.url)).toEqual({ status: "clean" });
  });

  it("finds EICAR with its signature name", async () => {
    expect(await scanFile(await file("eicar.txt", EICAR), clamd.url)).toEqual({
      status: "infected",
      signature: `${EICAR_SIGNATURE}.UNOFFICIAL`,
    });
  });

  it("streams a file of several megabytes in chunks", async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 17, 0x61);
    expect(await scanFile(await file("big.txt", big), clamd.url)).toEqual({ status: "clean" });
  });

  it("fails, not passes, a file over clamd's stream limit", async () => {
    const small = await startClamd({ streamMaxLength: "1M" });
    try {
      const big = await file("over.txt", Buffer.alloc(3 * 1024 * 1024, 0x62));
      // clamd answers "INSTREAM size limit exceeded" and hangs up; the answer may be lost to EPIPE.
      await expect(scanFile(big, small.url)).rejects.toThrow(/size limit|StreamMaxLength/i);
    } finally {
      await small.stop();
    }
  });

  it("fails when clamd is not there", async () => {
    const { url, server } = await silentServer();
    await new Promise((resolve) => server.close(resolve));
    await expect(scanFile(await file("x.txt", "x"), url)).rejects.toBeInstanceOf(ScanError);
  });

  it("fails after the timeout when clamd says nothing", async () => {
    const { url, server } = await silentServer();
    try {
      const started = Date.now();
      await expect(scanFile(await file("y.txt", "y"), url, 300)).rejects.toThrow(/did not answer within 300 ms/);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      server.close();
    }
  });

  it("fails on an answer it does not understand", async () => {
    const server = createServer((socket) => socket.end("UNKNOWN COMMAND\0"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address() as { port: number };
    try {
      await expect(scanFile(await file("z.txt", "z"), `tcp://127.0.0.1:${address.port}`)).rejects.toThrow(
        /UNKNOWN COMMAND/,
      );
    } finally {
      server.close();
    }
  });
});
