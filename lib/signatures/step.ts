import { now } from "@/lib/clock";
import { visibleDocuments } from "@/lib/documents/access";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { liveGrantOf } from "@/lib/sharing/access";
import type { CounterpartyActor, MemberActor, StaffActor } from "@/lib/tenancy/actor";
import { advanceRoute, stepsOnTurn, type RouteRow } from "./progress";

/** Who signs or approves a step: members in the cabinet, serving staff at the desk, counterparties in /shared. */
export const SIGNERS = { member: "documents.view", staff: "desk.documents.view", counterparty: "shared.view" } as const;
export type SignerActor = MemberActor | StaffActor | CounterpartyActor;

/**
 * The actor's own step, for acting on it: the step must be theirs and of the place they act in, the
 * document still visible to them there (a counterparty through the live grant the route made), the
 * route's row locked, the route live and the step's turn come. Anything else of another person or
 * Partner is "not found"; a step of theirs that cannot be acted on now says why.
 */
export async function lockOwnStep(tx: Prisma.TransactionClient, actor: SignerActor, stepId: string) {
  const step = await tx.signatureRouteStep.findFirst({
    where: { id: stepId, personId: actor.personId, side: actor.kind },
    select: { id: true, routeId: true, grantId: true, status: true, codeId: true, position: true },
  });
  if (!step) throw notFound();
  // One step's outcome at a time per route: the last one to finish sees every other.
  await tx.$queryRaw`SELECT id FROM signature_route WHERE id = ${step.routeId}::uuid FOR UPDATE`;
  const route = await tx.signatureRoute.findFirst({
    where: { id: step.routeId },
    select: {
      id: true,
      partnerId: true,
      documentId: true,
      versionId: true,
      sha256: true,
      purpose: true,
      ordering: true,
      status: true,
      deadline: true,
      documentTitle: true,
      createdById: true,
    },
  });
  if (!route) throw notFound();
  if (actor.kind === "counterparty") {
    const grant = step.grantId
      ? await tx.shareGrant.findFirst({
          where: {
            id: step.grantId,
            ...liveGrantOf(actor.personId),
            documents: { some: { documentId: route.documentId } },
          },
          select: { id: true, organisationName: true, organisationBin: true },
        })
      : null;
    if (!grant) throw notFound();
    return { step, route, grant, ...(await turnCheck(tx, route, step)) };
  }
  const document = await tx.document.findFirst({
    where: { id: route.documentId, ...visibleDocuments(actor) },
    select: { id: true },
  });
  if (!document) throw notFound();
  return { step, route, grant: null, ...(await turnCheck(tx, route, step)) };
}

async function turnCheck(tx: Prisma.TransactionClient, route: RouteRow, step: { id: string; status: string }) {
  const at = now();
  if (step.status !== "WAITING") throw new AppError("conflict", "route_step_done");
  if (route.status !== "ACTIVE" || route.deadline.getTime() <= at.getTime())
    throw new AppError("conflict", "route_not_active");
  const steps = await tx.signatureRouteStep.findMany({
    where: { routeId: route.id },
    select: { id: true, position: true, personId: true, side: true, status: true },
  });
  if (!stepsOnTurn(route, steps, at).some((s) => s.id === step.id))
    throw new AppError("conflict", "route_not_your_turn");
  return { at };
}

/** What an ЭЦП signature adds to the row: the certificate's IIN and BIN and the CMS itself. */
export interface EcpEvidence {
  iin: string;
  bin: string | null;
  cms: string;
}

/**
 * Writes the signature of a locked step (`lockOwnStep`): the row records who (with the name as now),
 * when, from which IP and user agent, the SHA-256 of the version the route was sent with and, for
 * ЭЦП, the certificate's IIN and BIN and the CMS; the step is SIGNED and the route moves on. Returns
 * the action's answer and the audit event's target and details.
 */
export async function recordSignature(
  tx: Prisma.TransactionClient,
  locked: Awaited<ReturnType<typeof lockOwnStep>>,
  actor: SignerActor,
  meta: { ip: string | null; userAgent: string | null },
  evidence: { method: "SMS" } | ({ method: "ECP" } & EcpEvidence),
  auditDetails: Record<string, unknown> = {},
) {
  const { step, route, grant, at } = locked;
  const person = await tx.person.findUniqueOrThrow({ where: { id: actor.personId }, select: { name: true } });
  const signature = await tx.signature.create({
    data: {
      partnerId: route.partnerId,
      routeId: route.id,
      stepId: step.id,
      documentId: route.documentId,
      versionId: route.versionId,
      personId: actor.personId,
      signerName: person.name,
      organisationName: grant?.organisationName ?? null,
      organisationBin: grant?.organisationBin ?? null,
      sha256: route.sha256,
      ip: meta.ip,
      userAgent: meta.userAgent,
      createdAt: at,
      ...evidence,
    },
    select: { id: true, createdAt: true },
  });
  await tx.signatureRouteStep.update({ where: { id: step.id }, data: { status: "SIGNED", decidedAt: at } });
  const routeStatus = await advanceRoute(tx, route, at, actor.personId);
  // The CMS is kept on the row, not in the audit event.
  const evidenceDetails =
    evidence.method === "ECP" ? { method: evidence.method, iin: evidence.iin, bin: evidence.bin } : evidence;
  return {
    data: { id: signature.id, signedAt: signature.createdAt, sha256: route.sha256, routeStatus },
    audit: {
      partnerId: route.partnerId,
      targetType: "document",
      targetId: route.documentId,
      details: {
        routeId: route.id,
        stepId: step.id,
        signatureId: signature.id,
        version: route.versionId,
        sha256: route.sha256,
        ...evidenceDetails,
        ...auditDetails,
      },
    },
  };
}
