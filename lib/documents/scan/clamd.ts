import { createReadStream } from "node:fs";
import { connect, type Socket } from "node:net";
import { env } from "@/lib/env";

export type ScanResult = { status: "clean" } | { status: "infected"; signature: string };

/** A scan that could not be done: clamd unreachable, too slow, or an answer we do not understand. */
export class ScanError extends Error {}

/** How long clamd may stay silent before a scan fails. */
export const SCAN_TIMEOUT_MS = 30_000;
const CHUNK = 64 * 1024;
const MAX_REPLY = 4096;

function parseUrl(url: string): { host: string; port: number } {
  const match = /^tcp:\/\/([^:/]+):(\d+)$/.exec(url);
  if (!match?.[1] || !match[2]) throw new ScanError(`CLAMAV_URL must look like tcp://127.0.0.1:3310, not ${url}`);
  return { host: match[1], port: Number(match[2]) };
}

function defaultUrl(): string {
  const url = env().CLAMAV_URL;
  if (!url) throw new ScanError("CLAMAV_URL is not set");
  return url;
}

/**
 * Sends one z-command (NUL-terminated) and, through `send`, its payload; resolves with clamd's
 * NUL-terminated reply. clamd may stay silent (not connecting, not taking data, not answering) for
 * at most `timeoutMs`: a hanging clamd is an error, never a request that waits for ever.
 */
function converse(url: string, command: string, timeoutMs: number, send?: (socket: Socket) => Promise<void>) {
  const { host, port } = parseUrl(url);
  return new Promise<string>((resolve, reject) => {
    const socket = connect({ host, port });
    let reply = Buffer.alloc(0);
    let settled = false;
    const finish = (error: Error | null, value?: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (error) reject(error);
      else resolve(value ?? "");
    };
    // Idle, not total: a large file may take longer to send than a hung clamd may stay silent.
    socket.setTimeout(timeoutMs, () => finish(new ScanError(`clamd did not answer within ${timeoutMs} ms`)));
    const replied = () => {
      const end = reply.indexOf(0);
      if (end >= 0) finish(null, reply.subarray(0, end).toString("utf8").trim());
      else if (reply.length > 0) finish(null, reply.toString("utf8").trim());
      else finish(new ScanError("clamd closed the connection without an answer"));
    };
    socket.on("data", (chunk: Buffer) => {
      reply = Buffer.concat([reply, chunk]);
      if (reply.length > MAX_REPLY) finish(new ScanError("clamd's answer is too long"));
      else if (reply.includes(0)) replied();
    });
    socket.on("end", replied);
    socket.on("error", (error: NodeJS.ErrnoException) => {
      // clamd may answer (e.g. a size limit) and close while we are still sending: keep its answer.
      if (reply.length > 0) return replied();
      const cut = error.code === "EPIPE" || error.code === "ECONNRESET";
      const hint = cut ? " (closed while the file was sent: over its StreamMaxLength?)" : "";
      finish(new ScanError(`clamd at ${url}: ${error.message}${hint}`));
    });
    socket.once("connect", () => {
      socket.write(`z${command}\0`);
      send?.(socket).catch((error: unknown) =>
        finish(error instanceof ScanError ? error : new ScanError(`reading the file: ${String(error)}`)),
      );
    });
  });
}

function writeAll(socket: Socket, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed) return reject(new ScanError("connection closed"));
    if (socket.write(data)) resolve();
    else {
      const onDrain = () => {
        socket.off("close", onClose);
        resolve();
      };
      const onClose = () => {
        socket.off("drain", onDrain);
        reject(new ScanError("connection closed"));
      };
      socket.once("drain", onDrain);
      socket.once("close", onClose);
    }
  });
}

/** Streams the file as INSTREAM chunks (4-byte big-endian length, data), then the zero-length end. */
async function sendFile(socket: Socket, filePath: string): Promise<void> {
  const stream = createReadStream(filePath, { highWaterMark: CHUNK });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(chunk.length);
      await writeAll(socket, Buffer.concat([length, chunk]));
    }
  } finally {
    stream.destroy();
  }
  await writeAll(socket, Buffer.alloc(4));
}

/**
 * Scans a file with clamd's INSTREAM command, streamed from disk (never whole in memory).
 * Throws ScanError when clamd cannot be reached, times out or reports an error (e.g. the file is
 * over its StreamMaxLength): the caller must treat such a file as not scanned, not as clean.
 */
export async function scanFile(
  filePath: string,
  url: string = defaultUrl(),
  timeoutMs: number = SCAN_TIMEOUT_MS,
): Promise<ScanResult> {
  const reply = await converse(url, "INSTREAM", timeoutMs, (socket) => sendFile(socket, filePath));
  if (reply === "stream: OK") return { status: "clean" };
  const found = /^stream: (.+) FOUND$/.exec(reply);
  if (found?.[1]) return { status: "infected", signature: found[1] };
  throw new ScanError(`clamd answered: ${reply.slice(0, 200)}`);
}

/** Whether clamd answers PING with PONG (for health checks and test start-up). */
export async function pingClamd(url: string = defaultUrl(), timeoutMs = 2_000): Promise<boolean> {
  try {
    return (await converse(url, "PING", timeoutMs)) === "PONG";
  } catch {
    return false;
  }
}
