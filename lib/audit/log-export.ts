import type { RequestMeta } from "@/lib/auth/request-meta";
import type { ResolvedSession } from "@/lib/auth/session";
import { TX_OPTIONS, getDb } from "@/lib/db/client";
import { can } from "@/lib/permissions/catalog";
import { resolveActor } from "@/lib/tenancy/actor";
import { auditCsvFilename, auditCsvStream } from "./log-csv";
import { parseAuditSearch } from "./log-filters";
import { writeAudit, type AuditEntry } from "./write";

const notFound = () => new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });

/**
 * The CSV download of a Partner's audit log: the actor comes from the session alone, a missing
 * right answers like a foreign id (404) and is audited, and the export itself is recorded with
 * its filters before the first byte leaves.
 */
export async function auditCsvResponse(
  session: ResolvedSession | null,
  meta: RequestMeta,
  locale: string,
  params: URLSearchParams,
): Promise<Response> {
  const request = { ip: meta.ip, userAgent: meta.userAgent, requestId: meta.requestId };
  const resolved = await resolveActor(session, "audit.view");
  if (!resolved.ok || resolved.value.kind !== "member") {
    if (!resolved.ok && resolved.audit)
      await record({
        ...resolved.audit,
        ...request,
        action: "audit.exported",
        outcome: "DENIED",
        details: { reason: resolved.reason },
      });
    return notFound();
  }
  const actor = resolved.value;
  const who = {
    partnerId: actor.partnerId,
    actorPersonId: actor.personId,
    actorRole: actor.role,
    actorPhone: actor.phone,
    ...request,
  };
  if (!can(actor.rights, "audit.view")) {
    await record({ ...who, action: "audit.exported", outcome: "DENIED", details: { reason: "missing_right" } });
    return notFound();
  }
  const { filters, ignored } = parseAuditSearch(params);
  await record({
    ...who,
    action: "audit.exported",
    outcome: "SUCCESS",
    targetType: "partner",
    targetId: actor.partnerId,
    details: { filters: { ...filters }, ignored },
  });
  return new Response(auditCsvStream(actor.partnerId, filters, locale), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${auditCsvFilename(filters)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

async function record(entry: AuditEntry): Promise<void> {
  await getDb().$transaction((tx) => writeAudit(tx, entry), TX_OPTIONS);
}
