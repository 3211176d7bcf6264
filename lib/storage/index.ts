import path from "node:path";
import { env, type AppEnv } from "@/lib/env";
import { LocalObjectStore } from "./local";
import { S3ObjectStore } from "./s3";
import type { ObjectStore } from "./types";

export { newObjectKey } from "./keys";
export { ObjectNotFoundError } from "./types";
export type { ObjectRange, ObjectStore, StoredObject } from "./types";

type StorageSettings = Pick<
  AppEnv,
  | "STORAGE_DRIVER"
  | "STORAGE_DIR"
  | "S3_BUCKET"
  | "S3_ENDPOINT"
  | "S3_REGION"
  | "S3_ACCESS_KEY_ID"
  | "S3_SECRET_ACCESS_KEY"
  | "S3_FORCE_PATH_STYLE"
>;

/**
 * The local driver's folder: STORAGE_DIR, else `files` in the data folder (the same folder
 * lib/db/runtime.ts keeps the embedded database in, computed here without loading that code).
 */
export function localStorageDir(
  settings: Pick<AppEnv, "STORAGE_DIR">,
  source: Record<string, string | undefined> = process.env,
): string {
  if (settings.STORAGE_DIR?.trim()) return path.resolve(/*turbopackIgnore: true*/ settings.STORAGE_DIR);
  return path.join(path.resolve(/*turbopackIgnore: true*/ source.PARTNER_CABINET_DATA_DIR ?? ".data"), "files");
}

/** A store built from settings; `getStorage()` is the app's one instance. */
export function createStorage(settings: StorageSettings): ObjectStore {
  if (settings.STORAGE_DRIVER === "local") return new LocalObjectStore(localStorageDir(settings));
  if (!settings.S3_BUCKET) throw new Error("S3_BUCKET is required when STORAGE_DRIVER=s3");
  return new S3ObjectStore({
    bucket: settings.S3_BUCKET,
    endpoint: settings.S3_ENDPOINT,
    region: settings.S3_REGION,
    accessKeyId: settings.S3_ACCESS_KEY_ID,
    secretAccessKey: settings.S3_SECRET_ACCESS_KEY,
    forcePathStyle: settings.S3_FORCE_PATH_STYLE === "1",
  });
}

// On globalThis: Next.js may load this module once per bundle, and all copies should share one client.
const globalForStorage = globalThis as unknown as { partnerCabinetStorage?: ObjectStore };

/** The document store configured by the environment (STORAGE_DRIVER and friends). */
export function getStorage(): ObjectStore {
  globalForStorage.partnerCabinetStorage ??= createStorage(env());
  return globalForStorage.partnerCabinetStorage;
}

/** Replaces the app's store (a temporary folder, an in-process S3); returns a function restoring it. */
export function setStorageForTests(store: ObjectStore | undefined): () => void {
  const previous = globalForStorage.partnerCabinetStorage;
  globalForStorage.partnerCabinetStorage = store;
  return () => {
    globalForStorage.partnerCabinetStorage = previous;
  };
}
