// Files for the transfer benchmarks: a large valid PDF, its multipart upload to the app, and the two
// yardsticks a transfer is set beside: a copy of the file on the same disk, and the same bytes sent
// over a bare loopback TCP connection (no HTTP, no parsing, no hashing) into a file on that disk.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, rm } from "node:fs/promises";
import { request } from "node:http";
import { createServer, connect } from "node:net";
import { pipeline } from "node:stream/promises";

const MIB = 1024 * 1024;

/**
 * A PDF of about `bytes`: a catalog, one empty page, and an unreferenced stream object of random
 * printable bytes (no `<`, so no markup), with a correct cross-reference table. Answers its SHA-256.
 */
export async function writePdf(file: string, bytes: number): Promise<string> {
  const hash = createHash("sha256");
  const out = createWriteStream(file);
  let offset = 0;
  const offsets: number[] = [];
  const write = async (chunk: Buffer | string) => {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk;
    hash.update(buffer);
    offset += buffer.length;
    if (!out.write(buffer)) await new Promise<void>((r) => out.once("drain", () => r()));
  };
  await write("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
  ];
  for (const [i, body] of objects.entries()) {
    offsets.push(offset);
    await write(`${i + 1} 0 obj\n${body}\nendobj\n`);
  }
  const streamLength = bytes - offset - 4096;
  offsets.push(offset);
  await write(`4 0 obj\n<< /Length ${streamLength} >>\nstream\n`);
  for (let left = streamLength; left > 0;) {
    const chunk = randomBytes(Math.min(MIB, left));
    // Printable ASCII from '=' (0x3d) to '~' (0x7e): 66 letters, digits and signs, never '<'.
    for (let i = 0; i < chunk.length; i++) chunk[i] = 0x3d + (chunk[i]! % 66);
    await write(chunk);
    left -= chunk.length;
  }
  await write("\nendstream\nendobj\n");
  const xref = offset;
  await write(
    `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}` +
      `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
  );
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return hash.digest("hex");
}

/**
 * POST of the file to `/api/documents/upload` as one multipart part with a category and a title,
 * streamed from disk with its exact Content-Length, as a same-origin page would.
 */
export function uploadFile(
  port: number,
  file: { path: string; size: number; name: string },
  fields: { category: string; title: string },
  cookie: string,
): Promise<{ status: number; body: string }> {
  const boundary = `----bench${randomBytes(12).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\n${fields.category}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${fields.title}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
      `Content-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/documents/upload",
        headers: {
          cookie,
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": String(head.length + file.size + tail.length),
          "sec-fetch-site": "same-origin",
          origin: `http://127.0.0.1:${port}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.write(head);
    const body = createReadStream(file.path, { highWaterMark: MIB });
    body.on("error", reject);
    body.on("end", () => req.end(tail));
    body.pipe(req, { end: false });
  });
}

/** Seconds of an fs.copyFile of the file beside itself (same disk); the copy is removed. */
export async function timeCopy(source: string, target: string): Promise<number> {
  await rm(target, { force: true });
  const started = performance.now();
  await copyFile(source, target);
  const seconds = (performance.now() - started) / 1000;
  await rm(target, { force: true });
  return seconds;
}

/**
 * Seconds to send the file over a bare loopback TCP connection (read in 1 MiB chunks, written to the
 * socket; the receiving side writes it to `target`): the most any HTTP transfer of this machine can
 * reach, with no HTTP, parsing, hashing or database. The received file is removed.
 */
export async function timeLoopback(source: string, target: string): Promise<number> {
  let received!: Promise<void>;
  const server = createServer((socket) => {
    received = pipeline(socket, createWriteStream(target));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  try {
    const started = performance.now();
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    await pipeline(createReadStream(source, { highWaterMark: MIB }), socket);
    await received;
    return (performance.now() - started) / 1000;
  } finally {
    server.close();
    await rm(target, { force: true });
  }
}
