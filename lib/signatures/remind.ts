import { now } from "@/lib/clock";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notify";
import { REMIND_BEFORE_MS } from "./constants";
import { documentLink } from "./progress";

interface Claimed {
  id: string;
  partnerId: string;
  personId: string;
  side: string;
  documentId: string;
  documentTitle: string;
  purpose: string;
  deadline: Date;
}

/**
 * The periodic pass over route deadlines (DOC-5): each person whose turn it is on a live route due
 * within REMIND_BEFORE_MS is reminded once (the claim, `remindedAt`, is set by one UPDATE … RETURNING
 * in the notification's transaction, so instances never both send); routes past their deadline end
 * as EXPIRED and their sender is told.
 */
export async function runSignatureReminderPass(db: PrismaClient): Promise<{ reminded: number; expired: number }> {
  const at = now();
  const reminded = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Claimed[]>`
      UPDATE signature_route_step s SET "remindedAt" = ${at}::timestamp
        FROM signature_route r
       WHERE r.id = s."routeId" AND s.id IN (
             SELECT st.id FROM signature_route_step st JOIN signature_route ro ON ro.id = st."routeId"
              WHERE st.status = 'WAITING' AND st."remindedAt" IS NULL AND ro.status = 'ACTIVE'
                AND ro.deadline > ${at}::timestamp AND ro.deadline <= ${new Date(at.getTime() + REMIND_BEFORE_MS)}::timestamp
                AND NOT EXISTS (SELECT 1 FROM signature_route_step d WHERE d."routeId" = ro.id AND d.status = 'DECLINED')
                AND (ro.ordering = 'PARALLEL' OR NOT EXISTS (
                      SELECT 1 FROM signature_route_step e
                       WHERE e."routeId" = ro.id AND e.status = 'WAITING' AND e.position < st.position))
              LIMIT 1000 FOR UPDATE OF st SKIP LOCKED)
      RETURNING s.id, s."partnerId", s."personId", s.side, r."documentId", r."documentTitle", r.purpose, r.deadline`;
    for (const r of rows)
      await notify(tx, {
        personIds: [r.personId],
        kind: "signature.reminder",
        partnerId: r.partnerId,
        params: { title: r.documentTitle, purpose: r.purpose, deadline: r.deadline.toISOString() },
        link: documentLink(r.side, r.documentId),
      });
    return rows.length;
  });
  const expired = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      {
        id: string;
        partnerId: string;
        documentId: string;
        documentTitle: string;
        purpose: string;
        createdById: string;
      }[]
    >`
      UPDATE signature_route SET status = 'EXPIRED', "finishedAt" = ${at}::timestamp
       WHERE id IN (SELECT id FROM signature_route WHERE status = 'ACTIVE' AND deadline <= ${at}::timestamp
                     LIMIT 1000 FOR UPDATE SKIP LOCKED)
      RETURNING id, "partnerId", "documentId", "documentTitle", purpose, "createdById"`;
    for (const r of rows)
      await notify(tx, {
        personIds: [r.createdById],
        kind: "signature.expired",
        partnerId: r.partnerId,
        params: { title: r.documentTitle, purpose: r.purpose },
        link: documentLink("member", r.documentId),
      });
    return rows.length;
  });
  return { reminded, expired };
}
