import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { ActionContext, ActionResult } from "@/lib/actions/define-action";
import { getStorage, newObjectKey } from "@/lib/storage";
import { createDemo } from "./actions/create-demo";
import { SAMPLE_DOCUMENTS, sampleBytes } from "./sample";

/**
 * Stores the sample files of a new demo cabinet, then creates it through the change path; if the
 * change is refused (e.g. too many demos from one address) or fails, the files are removed again.
 */
export async function startDemo(ctx: ActionContext): Promise<ActionResult<{ partnerId: string; token: string }>> {
  const partnerId = randomUUID();
  const files: { storageKey: string; size: number; sha256: string }[] = [];
  try {
    for (const sample of SAMPLE_DOCUMENTS) {
      const bytes = sampleBytes(sample);
      const storageKey = newObjectKey(partnerId);
      files.push({ storageKey, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
      await getStorage().put(storageKey, Readable.from([bytes]), {
        contentType: "application/pdf",
        size: bytes.length,
      });
    }
    const result = await createDemo.run({ partnerId, files }, ctx);
    if (!result.ok) await removeFiles(files);
    return result;
  } catch (error) {
    await removeFiles(files);
    throw error;
  }
}

async function removeFiles(files: { storageKey: string }[]): Promise<void> {
  await Promise.allSettled(files.map((f) => getStorage().delete(f.storageKey)));
}
