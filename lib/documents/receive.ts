import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";

/** A file part of an upload, spooled to a temporary file while its SHA-256 and size are computed. */
export interface ReceivedFile {
  tempPath: string;
  originalName: string;
  size: number;
  sha256: string;
}

export type ReceiveResult =
  | { ok: true; fields: Record<string, string>; files: ReceivedFile[] }
  | { ok: false; reason: "too_large" | "too_many_files" | "no_file" | "malformed" | "aborted"; fileName?: string };

const UPLOAD_TMP = path.join(tmpdir(), "partner-cabinet-uploads");

/**
 * Reads a multipart upload as it arrives: text fields into a map, each file part through a SHA-256
 * hash into a temporary file, never more than a chunk in memory. A part over `maxFileBytes`, more
 * than `maxFiles` files, or a body cut off half-way stops the read and removes every temporary file;
 * so does any error. On success the caller owns the temporary files (see `discard`).
 */
export async function receiveMultipart(
  request: Request,
  limits: { maxFileBytes: number; maxFiles: number; spoolDirectory?: string },
): Promise<ReceiveResult> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(contentType) || !request.body) return { ok: false, reason: "malformed" };
  const spool = limits.spoolDirectory ?? UPLOAD_TMP;
  await mkdir(spool, { recursive: true, mode: 0o700 });

  const fields: Record<string, string> = {};
  const files: ReceivedFile[] = [];
  const writes: Promise<void>[] = [];
  let refusal: Exclude<ReceiveResult, { ok: true }> | null = null;

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 20, fieldSize: 10_000, parts: 60 },
      defParamCharset: "utf8",
    });
  } catch {
    return { ok: false, reason: "malformed" };
  }

  const done = new Promise<void>((resolve, reject) => {
    parser.on("field", (name, value) => {
      if (!(name in fields)) fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (name !== "file" || refusal) {
        stream.resume();
        return;
      }
      const tempPath = path.join(spool, randomUUID());
      const hash = createHash("sha256");
      const file: ReceivedFile = { tempPath, originalName: info.filename ?? "", size: 0, sha256: "" };
      files.push(file);
      stream.on("limit", () => {
        refusal ??= { ok: false, reason: "too_large", fileName: file.originalName };
      });
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          file.size += chunk.length;
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      writes.push(
        pipeline(stream, meter, createWriteStream(tempPath, { flags: "wx", mode: 0o600 })).then(() => {
          file.sha256 = hash.digest("hex");
        }),
      );
    });
    parser.on("filesLimit", () => {
      refusal ??= { ok: false, reason: "too_many_files" };
    });
    parser.on("error", reject);
    parser.on("close", resolve);
  });

  const source = Readable.fromWeb(request.body as never);
  let sourceFailed = false;
  source.once("error", () => {
    sourceFailed = true;
  });
  try {
    await Promise.all([pipeline(source, parser), done]);
    await Promise.all(writes);
  } catch {
    // A part still being written when the body broke off may never end: do not wait for it. Its
    // file is unlinked now; an open descriptor keeps writing into nothing.
    for (const write of writes) write.catch(() => undefined);
    await discard(files);
    // The body broke off, or the parser could not read it (e.g. a NUL in a part's header).
    return { ok: false, reason: sourceFailed ? "aborted" : "malformed" };
  }
  if (refusal) {
    await discard(files);
    return refusal;
  }
  if (files.length === 0) return { ok: false, reason: "no_file" };
  return { ok: true, fields, files };
}

/** Removes the temporary files of an upload; never throws. */
export async function discard(files: readonly ReceivedFile[]): Promise<void> {
  await Promise.allSettled(files.map((f) => rm(f.tempPath, { force: true })));
}
