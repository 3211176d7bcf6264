import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalObjectStore } from "./local";
import { S3ObjectStore } from "./s3";
import { ObjectNotFoundError, type ObjectStore } from "./types";

// The SDK warns once per process that its 2027 releases will need Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const MB = 1024 * 1024;

interface Driver {
  store: ObjectStore;
  /** For the local driver: files left beside `key` under its name or a temporary one. */
  leftoversOf?: (key: string) => Promise<string[]>;
  /** For the S3 driver: names of the commands the client sent, in order. */
  sentCommands?: string[];
  stop(): Promise<void>;
}

async function localDriver(): Promise<Driver> {
  const root = await mkdtemp(path.join(tmpdir(), "storage-local-"));
  return {
    store: new LocalObjectStore(root),
    leftoversOf: async (key) => {
      const entries = await readdir(path.dirname(path.join(root, key))).catch(() => []);
      return entries.filter((name) => name.startsWith(".") || name === path.basename(key));
    },
    stop: () => rm(root, { recursive: true, force: true }),
  };
}

async function s3Driver(): Promise<Driver> {
  const directory = await mkdtemp(path.join(tmpdir(), "storage-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory });
  const { port } = await server.run();
  const store = new S3ObjectStore({
    bucket: "documents-test",
    endpoint: `http://127.0.0.1:${port}`,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  });
  await store.client.send(new CreateBucketCommand({ Bucket: "documents-test" }));
  const sentCommands: string[] = [];
  store.client.middlewareStack.add(
    (next, context) => (args) => {
      sentCommands.push(context.commandName ?? "?");
      return next(args);
    },
    { step: "initialize" },
  );
  return {
    store,
    sentCommands,
    stop: async () => {
      store.client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Streams `size` pseudo-random bytes in 64 KB chunks, hashing what it hands out. */
function randomSource(size: number): { stream: Readable; digest: () => string } {
  const hash = createHash("sha256");
  let left = size;
  const stream = new Readable({
    read() {
      if (left === 0) return void this.push(null);
      const chunk = randomBytes(Math.min(left, 64 * 1024));
      left -= chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, digest: () => hash.digest("hex") };
}

/** A source that gives `before` bytes and then fails. */
function failingSource(before: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= before) return void this.destroy(new Error("the client went away"));
      const chunk = Buffer.alloc(Math.min(before - sent, 256 * 1024), 7);
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

async function sha256Of(stream: Readable): Promise<{ digest: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { digest: hash.digest("hex"), bytes };
}

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "storage-test-"));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe.each([
  ["local", localDriver],
  ["s3", s3Driver],
] as const)("object store contract: %s", (_name, start) => {
  let driver: Driver;
  let store: ObjectStore;
  let n = 0;
  const freshKey = () => `documents/partner-a/2026/12/object-${++n}-${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    driver = await start();
    store = driver.store;
  });
  afterAll(async () => {
    await driver?.stop();
  });

  it("stores a local file and reads it back whole", async () => {
    const file = path.join(workDir, `source-${_name}.txt`);
    await pipeline(Readable.from([Buffer.from("Договор №5, ₸ 1 000\n")]), createWriteStream(file));
    const key = freshKey();
    const stored = await store.putFile(key, file, { contentType: "text/plain" });
    expect(stored).toEqual({ size: Buffer.byteLength("Договор №5, ₸ 1 000\n") });
    expect(await store.head(key)).toEqual(stored);
    const { stream, size } = await store.get(key);
    expect(size).toBe(stored.size);
    expect((await bytesOf(stream)).toString()).toBe("Договор №5, ₸ 1 000\n");
  });

  it("stores a stream and answers its size", async () => {
    const key = freshKey();
    const stored = await store.put(key, Readable.from([Buffer.from("hello "), Buffer.from("world")]), {
      contentType: "text/plain",
    });
    expect(stored).toEqual({ size: 11 });
    expect(await store.head(key)).toEqual({ size: 11 });
    expect((await bytesOf((await store.get(key)).stream)).toString()).toBe("hello world");
  });

  it("stores an empty object", async () => {
    const key = freshKey();
    expect(await store.put(key, Readable.from([]))).toEqual({ size: 0 });
    expect(await store.head(key)).toEqual({ size: 0 });
    expect(await bytesOf((await store.get(key)).stream)).toHaveLength(0);
  });

  it("reads a byte range, answering the whole object's size", async () => {
    const key = freshKey();
    await store.put(key, Readable.from([Buffer.from("0123456789")]));
    const middle = await store.get(key, { start: 2, end: 5 });
    expect(middle.size).toBe(10);
    expect((await bytesOf(middle.stream)).toString()).toBe("2345");
    expect((await bytesOf((await store.get(key, { start: 9, end: 9 })).stream)).toString()).toBe("9");
    expect((await bytesOf((await store.get(key, { start: 0, end: 9 })).stream)).toString()).toBe("0123456789");
  });

  it("refuses a range outside the object", async () => {
    const key = freshKey();
    await store.put(key, Readable.from([Buffer.from("0123456789")]));
    await expect(store.get(key, { start: 5, end: 10 })).rejects.toThrow(RangeError);
    await expect(store.get(key, { start: 10, end: 12 })).rejects.toThrow(RangeError);
    await expect(store.get(key, { start: 4, end: 3 })).rejects.toThrow(RangeError);
  });

  it("answers ObjectNotFoundError and null for a missing key", async () => {
    const key = freshKey();
    await expect(store.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(store.get(key, { start: 0, end: 1 })).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect(await store.head(key)).toBeNull();
  });

  it("deletes, and deleting again or a missing key is fine", async () => {
    const key = freshKey();
    await store.put(key, Readable.from([Buffer.from("x")]));
    await store.delete(key);
    expect(await store.head(key)).toBeNull();
    await expect(store.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(store.delete(key)).resolves.toBeUndefined();
    await expect(store.delete(freshKey())).resolves.toBeUndefined();
  });

  it("leaves nothing when the source fails half-way (small and multipart)", async () => {
    for (const before of [100 * 1024, 7 * MB]) {
      const key = freshKey();
      driver.sentCommands?.splice(0);
      await expect(store.put(key, failingSource(before))).rejects.toThrow();
      if (driver.sentCommands && before > 5 * MB) {
        // The first part went up; the upload is then aborted, so S3 drops the parts it holds.
        // (s3rver itself answers the abort with 405, so only the request can be checked here.)
        expect(driver.sentCommands).toContain("UploadPartCommand");
        expect(driver.sentCommands).toContain("AbortMultipartUploadCommand");
        expect(driver.sentCommands).not.toContain("CompleteMultipartUploadCommand");
      }
      if (driver.sentCommands && before < 5 * MB) expect(driver.sentCommands).not.toContain("PutObjectCommand");
      expect(await store.head(key)).toBeNull();
      await expect(store.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
      if (driver.leftoversOf) expect(await driver.leftoversOf(key)).toEqual([]);
    }
  });

  it("leaves nothing when the body is not the declared size", async () => {
    const short = freshKey();
    await expect(store.put(short, Readable.from([Buffer.from("abc")]), { size: 4 })).rejects.toThrow(/3 bytes/);
    expect(await store.head(short)).toBeNull();
    const long = freshKey();
    await expect(store.put(long, Readable.from([Buffer.from("abcde")]), { size: 4 })).rejects.toThrow(/longer/);
    expect(await store.head(long)).toBeNull();
    if (driver.leftoversOf) expect(await driver.leftoversOf(long)).toEqual([]);
  });

  it("keeps a previous object whole when its replacement fails", async () => {
    const key = freshKey();
    await store.put(key, Readable.from([Buffer.from("first")]));
    await expect(store.put(key, failingSource(64 * 1024))).rejects.toThrow();
    expect((await bytesOf((await store.get(key)).stream)).toString()).toBe("first");
  });

  it("streams a 10 MB object both ways", async () => {
    const key = freshKey();
    const source = randomSource(10 * MB);
    expect(await store.put(key, source.stream, { size: 10 * MB })).toEqual({ size: 10 * MB });
    const { stream, size } = await store.get(key);
    expect(size).toBe(10 * MB);
    expect(await sha256Of(stream)).toEqual({ digest: source.digest(), bytes: 10 * MB });

    // The main path: a spooled upload file copied in.
    const file = path.join(workDir, `big-${_name}.bin`);
    const spooled = randomSource(10 * MB + 123);
    await pipeline(spooled.stream, createWriteStream(file));
    const fileKey = freshKey();
    expect(await store.putFile(fileKey, file)).toEqual({ size: 10 * MB + 123 });
    expect(await sha256Of((await store.get(fileKey)).stream)).toEqual({
      digest: spooled.digest(),
      bytes: 10 * MB + 123,
    });
    const tail = await store.get(fileKey, { start: 10 * MB, end: 10 * MB + 122 });
    const expectedTail = await bytesOf(createReadStream(file, { start: 10 * MB }));
    expect((await bytesOf(tail.stream)).equals(expectedTail)).toBe(true);
  });

  it("refuses keys outside [a-z0-9/-] before touching storage", async () => {
    for (const key of ["../escape", "/etc/passwd", "documents/../x", "a//b", "a/b/", "Documents/x", "a/b.pdf", ""]) {
      await expect(store.put(key, Readable.from([Buffer.from("x")])), key).rejects.toThrow(/Invalid object key/);
      await expect(store.get(key), key).rejects.toThrow(/Invalid object key/);
      await expect(store.head(key), key).rejects.toThrow(/Invalid object key/);
      await expect(store.delete(key), key).rejects.toThrow(/Invalid object key/);
    }
  });
});
