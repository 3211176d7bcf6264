import { createAuditCheckpoint } from "@/lib/audit/checkpoint";
import { getDb } from "@/lib/db/client";

/** Signs every audit chain's head (hourly), so a later deletion or re-hash shows in `audit:verify`. */
export async function auditCheckpointJob(): Promise<void> {
  await createAuditCheckpoint(getDb());
}
