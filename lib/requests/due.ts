import { now } from "@/lib/clock";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notify";
import { DUE_SOON_MS, OPEN_STATUSES, REOPEN_DAYS } from "./constants";

interface Claimed {
  id: string;
  partnerId: string;
  number: string;
  subject: string;
  assigneePersonId: string | null;
  companyId: string | null;
}

/**
 * The periodic pass over due times (REQ-2): marks requests due within the hour and those past their
 * due time, telling the assignee (else the company's managers) once per due time: the mark is set in
 * the same transaction as the notification, by one claiming UPDATE, so instances never both send.
 * Resolved requests the Partner left alone for REOPEN_DAYS are closed.
 */
export async function runRequestDuePass(
  db: PrismaClient,
): Promise<{ dueSoon: number; overdue: number; closed: number }> {
  const at = now();
  const open = [...OPEN_STATUSES];
  const dueSoon = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Claimed[]>`
      UPDATE request r SET "dueSoonNotifiedAt" = ${at}::timestamp
        FROM request q LEFT JOIN staff_member s ON s.id = q."assigneeId"
       WHERE r.id = q.id AND r.id IN (
             SELECT id FROM request WHERE status::text = ANY(${open}::text[]) AND "dueSoonNotifiedAt" IS NULL
                AND "dueAt" >= ${at}::timestamp AND "dueAt" < ${new Date(at.getTime() + DUE_SOON_MS)}::timestamp
              LIMIT 1000 FOR UPDATE SKIP LOCKED)
      RETURNING r.id, r."partnerId", r.number, r.subject, s."personId" AS "assigneePersonId", r."companyId"`;
    for (const r of rows) await tellDesk(tx, r, "request.due_soon");
    return rows.length;
  });
  const overdue = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Claimed[]>`
      UPDATE request r SET "overdueNotifiedAt" = ${at}::timestamp
        FROM request q LEFT JOIN staff_member s ON s.id = q."assigneeId"
       WHERE r.id = q.id AND r.id IN (
             SELECT id FROM request WHERE status::text = ANY(${open}::text[]) AND "overdueNotifiedAt" IS NULL
                AND "dueAt" < ${at}::timestamp
              LIMIT 1000 FOR UPDATE SKIP LOCKED)
      RETURNING r.id, r."partnerId", r.number, r.subject, s."personId" AS "assigneePersonId", r."companyId"`;
    for (const r of rows) await tellDesk(tx, r, "request.overdue");
    return rows.length;
  });
  const closed = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; partnerId: string }[]>`
      UPDATE request SET status = 'CLOSED', "closedAt" = ${at}::timestamp, "updatedAt" = ${at}::timestamp
       WHERE id IN (SELECT id FROM request WHERE status = 'RESOLVED'
                       AND "resolvedAt" < ${new Date(at.getTime() - REOPEN_DAYS * 86_400_000)}::timestamp
                     LIMIT 1000 FOR UPDATE SKIP LOCKED)
      RETURNING id, "partnerId"`;
    if (rows.length)
      await tx.requestStatusChange.createMany({
        data: rows.map((r) => ({
          partnerId: r.partnerId,
          requestId: r.id,
          fromStatus: "RESOLVED" as const,
          toStatus: "CLOSED" as const,
          actorId: null,
          createdAt: at,
        })),
      });
    return rows.length;
  });
  return { dueSoon, overdue, closed };
}

async function tellDesk(
  tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0],
  r: Claimed,
  kind: "request.due_soon" | "request.overdue",
) {
  let personIds = r.assigneePersonId ? [r.assigneePersonId] : [];
  if (personIds.length === 0 && r.companyId) {
    const managers = await tx.staffMember.findMany({
      where: { companyId: r.companyId, role: "MANAGER" },
      select: { personId: true },
    });
    personIds = managers.map((m) => m.personId);
  }
  await notify(tx, {
    personIds,
    kind,
    partnerId: r.partnerId,
    params: { number: r.number, subject: r.subject },
    link: `/desk/requests/${r.id}`,
  });
}
