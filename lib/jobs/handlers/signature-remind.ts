import { getDb } from "@/lib/db/client";
import { runSignatureReminderPass } from "@/lib/signatures/remind";

/** Every 5 minutes: reminders before a route's deadline, and routes past it ended (lib/signatures/remind.ts). */
export async function signatureRemindJob(): Promise<void> {
  await runSignatureReminderPass(getDb());
}
