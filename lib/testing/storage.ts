import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { LocalObjectStore } from "@/lib/storage/local";
import { S3ObjectStore } from "@/lib/storage/s3";
import type { ObjectStore } from "@/lib/storage/types";

/** A document store for a test file: a temporary folder, or S3 served in-process by s3rver. */
export interface TestStorage {
  kind: "local" | "s3";
  store: ObjectStore;
  /** Every stored object's key, temporary files included for the local driver. */
  keys(): Promise<string[]>;
  stop(): Promise<void>;
}

export async function testStorage(kind: "local" | "s3"): Promise<TestStorage> {
  if (kind === "local") {
    const root = await mkdtemp(path.join(tmpdir(), "documents-local-"));
    return {
      kind,
      store: new LocalObjectStore(root),
      keys: async () =>
        (await readdir(root, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile())
          .map((e) => path.join(e.parentPath, e.name)),
      stop: () => rm(root, { recursive: true, force: true }),
    };
  }
  const directory = await mkdtemp(path.join(tmpdir(), "documents-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory });
  const { port } = await server.run();
  const store = new S3ObjectStore({
    bucket: "documents",
    endpoint: `http://127.0.0.1:${port}`,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  });
  await store.client.send(new CreateBucketCommand({ Bucket: "documents" }));
  return {
    kind,
    store,
    keys: async () => {
      const listed = await store.client.send(new ListObjectsV2Command({ Bucket: "documents" }));
      return (listed.Contents ?? []).map((o) => o.Key ?? "");
    },
    stop: async () => {
      store.client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
