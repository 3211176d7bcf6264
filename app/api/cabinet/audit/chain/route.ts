import { chainStatusResponse } from "@/lib/audit/chain-status";
import { getWebSession } from "@/lib/auth/current";

/** GET: whether the active Partner's audit chain verifies. */
export async function GET(): Promise<Response> {
  return chainStatusResponse(await getWebSession());
}
