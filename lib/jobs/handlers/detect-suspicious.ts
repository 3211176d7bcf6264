import { detectSuspiciousActivity } from "@/lib/admin/suspicious";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";

/** Looks for suspicious activity in the audit trail (every 5 minutes; AUD-5). */
export async function detectSuspiciousJob(): Promise<void> {
  await detectSuspiciousActivity(getDb(), now());
}
