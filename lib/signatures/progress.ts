import type { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notify";
import type { StepSide } from "./constants";

export interface StepRow {
  id: string;
  position: number;
  personId: string;
  side: string;
  status: string;
}
export interface RouteRow {
  id: string;
  partnerId: string;
  documentId: string;
  purpose: string;
  ordering: string;
  status: string;
  deadline: Date;
  documentTitle: string;
  createdById: string;
}

/** Where a person of a side opens a document: the cabinet, the desk or their shared documents. */
export function documentLink(side: StepSide | string, documentId: string): string {
  if (side === "staff") return `/desk/documents/${documentId}`;
  if (side === "counterparty") return `/shared/documents/${documentId}`;
  return `/cabinet/documents/${documentId}`;
}

/**
 * The steps whose turn it is: every waiting step of a parallel route, the first waiting one of a
 * sequential route; none once a step declined, the route ended or its deadline passed.
 */
export function stepsOnTurn(route: Pick<RouteRow, "ordering" | "status" | "deadline">, steps: StepRow[], at: Date) {
  if (route.status !== "ACTIVE" || route.deadline.getTime() <= at.getTime()) return [];
  if (steps.some((s) => s.status === "DECLINED")) return [];
  const waiting = [...steps].sort((a, b) => a.position - b.position).filter((s) => s.status === "WAITING");
  return route.ordering === "PARALLEL" ? waiting : waiting.slice(0, 1);
}

/** Tells each person whose turn has come (once: `notifiedAt`), in the change's transaction. */
export async function notifyTurn(
  tx: Prisma.TransactionClient,
  route: RouteRow,
  steps: StepRow[],
  at: Date,
  except: string | null,
): Promise<void> {
  for (const step of steps) {
    const claimed = await tx.signatureRouteStep.updateMany({
      where: { id: step.id, status: "WAITING", notifiedAt: null },
      data: { notifiedAt: at },
    });
    if (claimed.count !== 1 || step.personId === except) continue;
    await notify(tx, {
      personIds: [step.personId],
      kind: "signature.turn",
      partnerId: route.partnerId,
      params: { title: route.documentTitle, purpose: route.purpose },
      link: documentLink(step.side, route.documentId),
    });
  }
}

/**
 * After a step's outcome: a decline ends the route as DECLINED, the last step done ends it as
 * COMPLETED (the sender is told either way); otherwise the next person of a sequential route is told.
 * The caller holds the route's row lock, so two steps finishing at once cannot both miss the end.
 */
export async function advanceRoute(tx: Prisma.TransactionClient, route: RouteRow, at: Date, actorId: string) {
  const steps = await tx.signatureRouteStep.findMany({
    where: { routeId: route.id },
    orderBy: { position: "asc" },
    select: { id: true, position: true, personId: true, side: true, status: true },
  });
  const declined = steps.some((s) => s.status === "DECLINED");
  const done = steps.every((s) => s.status === "APPROVED" || s.status === "SIGNED");
  if (declined || done) {
    const status = declined ? "DECLINED" : "COMPLETED";
    await tx.signatureRoute.updateMany({
      where: { id: route.id, status: "ACTIVE" },
      data: { status, finishedAt: at },
    });
    if (route.createdById !== actorId || status === "COMPLETED")
      await notify(tx, {
        personIds: [route.createdById],
        kind: declined ? "signature.declined" : "signature.completed",
        partnerId: route.partnerId,
        params: { title: route.documentTitle, purpose: route.purpose },
        link: documentLink("member", route.documentId),
      });
    return status;
  }
  await notifyTurn(tx, route, stepsOnTurn(route, steps, at), at, actorId);
  return "ACTIVE";
}
