import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { getStorage } from "@/lib/storage";

/** Runs `work` on a temporary local copy of a stored object (streamed), removed afterwards. */
export async function withLocalCopy<T>(storageKey: string, work: (file: string) => Promise<T>): Promise<T> {
  const dir = path.join(tmpdir(), "partner-cabinet-jobs");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, randomUUID());
  try {
    const { stream } = await getStorage().get(storageKey);
    await pipeline(stream, createWriteStream(file, { flags: "wx" }));
    return await work(file);
  } finally {
    await rm(file, { force: true });
  }
}
