import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { pingClamd } from "@/lib/documents/scan/clamd";
import { EICAR } from "@/lib/documents/inspect/hostile-files";

export const EICAR_SIGNATURE = "Eicar-Test-Signature";

function findClamd(): string {
  for (const candidate of ["/usr/sbin/clamd", "/usr/local/sbin/clamd", "/usr/bin/clamd"])
    if (existsSync(candidate)) return candidate;
  const found = spawnSync("sh", ["-c", "command -v clamd"], { encoding: "utf8" }).stdout.trim();
  if (found) return found;
  throw new Error("clamd is not installed: run `apt-get install clamav-daemon` to run the virus-scan tests");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * A real clamd for tests, on a free local port, whose only signature is the EICAR test file
 * (signatures cannot be downloaded here). Resolves once it answers PING. `streamMaxLength` is
 * clamd's own limit (e.g. "1M"), to test what a file over it gets.
 */
export async function startClamd(
  options: { streamMaxLength?: string } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const binary = findClamd();
  const dir = await mkdtemp(join(tmpdir(), "clamd-test-"));
  const md5 = createHash("md5").update(EICAR).digest("hex");
  await writeFile(join(dir, "test.hdb"), `${md5}:${Buffer.byteLength(EICAR)}:${EICAR_SIGNATURE}\n`);
  const port = await freePort();
  const conf = [
    "Foreground yes",
    `TCPSocket ${port}`,
    "TCPAddr 127.0.0.1",
    `DatabaseDirectory ${dir}`,
    `PidFile ${join(dir, "clamd.pid")}`,
    `TemporaryDirectory ${dir}`,
    `LogFile ${join(dir, "clamd.log")}`,
    `StreamMaxLength ${options.streamMaxLength ?? "100M"}`,
    "Bytecode no",
    "MaxThreads 2",
  ].join("\n");
  await writeFile(join(dir, "clamd.conf"), `${conf}\n`);

  const child = spawn(binary, ["-c", join(dir, "clamd.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  child.on("exit", () => (exited = true));

  const url = `tcp://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited) {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (!exited) child.kill("SIGKILL");
    }
    await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (!(await pingClamd(url, 1_000))) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`clamd did not start: ${stderr.trim().slice(0, 1000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, stop };
}
