import type { z } from "zod";
import { ObjectNotFoundError, getStorage } from "@/lib/storage";
import type { storageKeysPayload } from "../payloads";

/**
 * Removes stored files whose rows a committed change removed (the sample documents of a demo turned
 * real). A file already gone counts as removed; any other failure throws, so pg-boss retries.
 */
export async function deleteFilesJob(payload: z.output<typeof storageKeysPayload>): Promise<void> {
  const results = await Promise.allSettled(payload.keys.map((key) => getStorage().delete(key)));
  const failed = results.filter(
    (r): r is PromiseRejectedResult => r.status === "rejected" && !(r.reason instanceof ObjectNotFoundError),
  );
  if (failed.length > 0)
    throw new Error(`${failed.length} of ${payload.keys.length} files not removed`, { cause: failed[0]!.reason });
}
