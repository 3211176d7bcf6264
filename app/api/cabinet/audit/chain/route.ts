import { chainStatusLoader } from "@/lib/audit/chain-status";
import { getWebRequestMeta, getWebSession } from "@/lib/auth/current";

/** GET: whether the active Partner's audit chain verifies. */
export async function GET(): Promise<Response> {
  const result = await chainStatusLoader.run({}, { session: await getWebSession(), meta: await getWebRequestMeta() });
  if (!result.ok) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  return Response.json(result.data, { headers: { "cache-control": "no-store" } });
}
