import { randomBytes } from "node:crypto";
import { constants, createWriteStream } from "node:fs";
import { copyFile, mkdir, open, rename, rm, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertObjectKey } from "./keys";
import { asReadable, ByteCounter } from "./streams";
import { assertRange, ObjectNotFoundError, type ObjectRange, type ObjectStore, type StoredObject } from "./types";

const isMissing = (error: unknown) =>
  error instanceof Error && ["ENOENT", "ENOTDIR"].includes((error as NodeJS.ErrnoException).code ?? "");

/**
 * Files in a folder on local disk, one file per key (`a/b/c` → `<root>/a/b/c`). Every write goes
 * to a temporary name in the target's folder (`.<name>.<random>.tmp`, a name no key can have), is
 * flushed to disk, then renamed over the target: readers see the whole file or none, and a write
 * that fails leaves nothing behind. A key cannot be both an object and a folder of other objects
 * (`a/b` and `a/b/c`); generated keys never are.
 */
export class LocalObjectStore implements ObjectStore {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string): string {
    assertObjectKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  async put(
    key: string,
    body: NodeJS.ReadableStream | Readable,
    opts: { contentType?: string; size?: number } = {},
  ): Promise<StoredObject> {
    const target = this.pathOf(key);
    return this.writeAtomically(target, async (temp) => {
      const counter = new ByteCounter(opts.size);
      await pipeline(asReadable(body), counter, createWriteStream(temp, { flags: "wx", mode: 0o600 }));
    });
  }

  /** Uploads are spooled here, on the store's own file system (a name no key can have). */
  get spoolDirectory(): string {
    return path.join(this.root, ".spool");
  }

  async putFile(key: string, filePath: string, opts: { move?: boolean } = {}): Promise<StoredObject> {
    const target = this.pathOf(key);
    if (opts.move) {
      const moved = await this.moveIn(target, filePath);
      if (moved) return moved;
    }
    return this.writeAtomically(target, (temp) =>
      // A copy-on-write clone where the file system has them, else the kernel copies; never via memory.
      copyFile(filePath, temp, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE),
    );
  }

  /**
   * Renames the file into place after flushing it, when it lies on this store's file system; null
   * when it does not (the caller copies instead). The target must not exist yet.
   */
  private async moveIn(target: string, filePath: string): Promise<StoredObject | null> {
    const folder = path.dirname(target);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    try {
      await stat(target).then(
        () => {
          throw new Error(`${target} exists already`);
        },
        (error: unknown) => {
          if (!isMissing(error)) throw error;
        },
      );
      const size = await syncFile(filePath);
      await rename(filePath, target);
      await syncFolder(folder);
      return { size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EXDEV") return null;
      throw error;
    }
  }

  /** Runs `write` on a fresh temporary path beside `target`, flushes it to disk, renames it into place. */
  private async writeAtomically(target: string, write: (temp: string) => Promise<void>): Promise<StoredObject> {
    const folder = path.dirname(target);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const temp = path.join(folder, `.${path.basename(target)}.${randomBytes(8).toString("hex")}.tmp`);
    try {
      await write(temp);
      const size = await syncFile(temp);
      await rename(temp, target);
      await syncFolder(folder);
      return { size };
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string, range?: ObjectRange): Promise<{ stream: Readable; size: number }> {
    const file = this.pathOf(key);
    let handle: FileHandle;
    try {
      handle = await open(file, "r");
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key);
      throw error;
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new ObjectNotFoundError(key);
      if (range) assertRange(range, info.size);
      // The stream owns the handle from here: it closes it when it ends or is destroyed.
      // 1 MiB reads: a large download moves in few, big chunks.
      const chunks = { highWaterMark: 1024 * 1024 };
      const stream = handle.createReadStream(range ? { start: range.start, end: range.end, ...chunks } : chunks);
      return { stream, size: info.size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? { size: info.size } : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    try {
      await rm(file, { force: true });
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
}

/** fsync of a written file (the data of the file, whichever descriptor wrote it); answers its size. */
async function syncFile(file: string): Promise<number> {
  const handle = await open(file, "r+");
  try {
    await handle.sync();
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
}

/** Makes a rename in `folder` durable; a no-op where folders cannot be opened for syncing. */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, "r");
    await handle.sync();
  } catch {
    // Some platforms (Windows) refuse to open or fsync a folder; the file itself was synced.
  } finally {
    await handle?.close();
  }
}
