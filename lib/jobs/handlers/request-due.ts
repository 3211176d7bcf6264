import { getDb } from "@/lib/db/client";
import { runRequestDuePass } from "@/lib/requests/due";

/** Every 5 minutes: due-soon and overdue notices, and closing long-resolved requests (lib/requests/due.ts). */
export async function requestDueJob(): Promise<void> {
  await runRequestDuePass(getDb());
}
