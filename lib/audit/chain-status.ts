import type { ResolvedSession } from "@/lib/auth/session";
import { can } from "@/lib/permissions/catalog";
import { resolveActor } from "@/lib/tenancy/actor";
import { verifyPartnerChain } from "./log-queries";

/**
 * The integrity of the active Partner's audit chain, for members with the audit right; anyone else
 * gets "not found". Asked for by the audit page after it has loaded, since a long chain takes
 * seconds to recompute and the list must not wait for it.
 */
export async function chainStatusResponse(session: ResolvedSession | null): Promise<Response> {
  const actor = await resolveActor(session, "audit.view");
  if (!actor.ok || actor.value.kind !== "member" || !can(actor.value.rights, "audit.view"))
    return new Response("Not found", { status: 404 });
  const result = await verifyPartnerChain(actor.value.partnerId);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
