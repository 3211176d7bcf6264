import { assertRequestQuota } from "@/lib/billing/limits";
import { createHash } from "node:crypto";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Prisma, RequestStatus, StaffResponsibility } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notify";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { visibleDocuments, visibleVersions } from "@/lib/documents/access";
import type { MemberActor, StaffActor } from "@/lib/tenancy/actor";
import { calendarAround, clockColumns, clockOf, markResponded, pauseClock, resumeClock, startClock } from "./clock";
import { REOPEN_DAYS, type RequestCategoryKey } from "./constants";
import type { CreateRequestInput } from "./schemas";

export type RequestActor = MemberActor | StaffActor;
type Tx = Prisma.TransactionClient;

/** Hex SHA-256 of a message's text as UTF-8 (REQ-3). */
export function textSha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The responsibility that answers a category (staff_assignment). */
export const RESPONSIBILITY: Record<RequestCategoryKey, StaffResponsibility> = {
  accounting: "ACCOUNTING",
  tax_reporting: "ACCOUNTING",
  payroll_hr: "HR",
  legal: "LEGAL",
  other: "GENERAL",
};

/** Year of a moment in Almaty (UTC+5 all year since 2024). */
function almatyYear(at: Date): number {
  return new Date(at.getTime() + 5 * 3_600_000).getUTCFullYear();
}

/** The next number of the Partner's year: the counter row is locked by its upsert, so numbers are gap-free. */
async function nextNumber(tx: Tx, partnerId: string, at: Date) {
  const year = almatyYear(at);
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO request_counter ("partnerId", year, last) VALUES (${partnerId}::uuid, ${year}, 1)
    ON CONFLICT ("partnerId", year) DO UPDATE SET last = request_counter.last + 1
    RETURNING last`;
  const seq = row!.last;
  return { year, seq, number: `З-${year}-${String(seq).padStart(4, "0")}` };
}

/** Who answers a category at a Partner: the assignment for its responsibility, else a manager of the company. */
export async function chooseAssignee(
  tx: Tx,
  partnerId: string,
  companyId: string | null,
  category: RequestCategoryKey,
): Promise<{ id: string; personId: string } | null> {
  if (!companyId) return null;
  const assignment = await tx.staffAssignment.findFirst({
    where: { partnerId, responsibility: RESPONSIBILITY[category], staffMember: { companyId } },
    orderBy: { createdAt: "asc" },
    select: { staffMember: { select: { id: true, personId: true } } },
  });
  if (assignment) return assignment.staffMember;
  return tx.staffMember.findFirst({
    where: { companyId, role: "MANAGER" },
    orderBy: { createdAt: "asc" },
    select: { id: true, personId: true },
  });
}

/**
 * Documents attached to a message: each must be one the author may see, with a version that is not
 * waiting for its scan. A member's draft goes to the outsourcing company with the message (it is sent,
 * as documents.send would), so the company's staff can open what they are asked about.
 */
async function attachDocuments(
  tx: Tx,
  actor: RequestActor,
  request: { partnerId: string; companyId: string | null },
  messageId: string,
  documentIds: readonly string[],
  at: Date,
) {
  if (documentIds.length === 0) return [];
  const documents = await tx.document.findMany({
    where: {
      id: { in: [...documentIds] },
      partnerId: request.partnerId,
      status: { not: "ARCHIVED" },
      ...visibleDocuments(actor),
      currentVersion: visibleVersions(actor),
    },
    select: {
      id: true,
      status: true,
      direction: true,
      currentVersion: { select: { id: true, sha256: true, scanStatus: true } },
    },
  });
  if (documents.length !== new Set(documentIds).size) throw notFound();
  for (const d of documents) {
    if (!d.currentVersion || d.currentVersion.scanStatus === "PENDING" || d.currentVersion.scanStatus === "INFECTED")
      throw new AppError("conflict", "document_scan_pending");
    if (d.direction === "INTERNAL") {
      if (!request.companyId) throw new AppError("conflict", "no_serving_company");
      await tx.document.updateMany({
        where: { id: d.id, status: "DRAFT", sentAt: null },
        data: {
          status: "SENT",
          direction: "TO_OUTSOURCER",
          companyId: request.companyId,
          sentById: actor.personId,
          sentAt: at,
        },
      });
    }
  }
  await tx.requestAttachment.createMany({
    data: documents.map((d) => ({
      partnerId: request.partnerId,
      messageId,
      documentId: d.id,
      versionId: d.currentVersion!.id,
      sha256: d.currentVersion!.sha256,
      createdAt: at,
    })),
  });
  return documents.map((d) => ({ documentId: d.id, sha256: d.currentVersion!.sha256 }));
}

async function recordStatus(
  tx: Tx,
  request: { id: string; partnerId: string },
  from: RequestStatus | null,
  to: RequestStatus,
  actorId: string | null,
  at: Date,
) {
  await tx.requestStatusChange.create({
    data: {
      partnerId: request.partnerId,
      requestId: request.id,
      fromStatus: from,
      toStatus: to,
      actorId,
      createdAt: at,
    },
  });
}

/** The Partner side of a thread: its author and every member who wrote in it. */
async function partnerPeople(tx: Tx, requestId: string, authorId: string): Promise<string[]> {
  const writers = await tx.requestMessage.findMany({
    where: { requestId, side: "PARTNER" },
    distinct: ["authorId"],
    select: { authorId: true },
  });
  return [authorId, ...writers.map((w) => w.authorId)];
}

/** Tells people on one side, never the actor; params are the request's number and subject. */
async function tell(
  tx: Tx,
  side: "partner" | "desk",
  personIds: readonly string[],
  actorId: string,
  kind: NotificationKind,
  request: { id: string; partnerId: string; number: string; subject: string },
  extra: Record<string, string> = {},
) {
  await notify(tx, {
    personIds: personIds.filter((p) => p !== actorId),
    kind,
    partnerId: request.partnerId,
    params: { number: request.number, subject: request.subject, ...extra },
    link: side === "partner" ? `/cabinet/requests/${request.id}` : `/desk/requests/${request.id}`,
  });
}

/** Creates a request with its first message (REQ-1), numbered, assigned and clocked, in the caller's transaction. */
export async function createRequest(
  tx: Tx,
  actor: MemberActor,
  input: CreateRequestInput,
  linkedFromId: string | null = null,
  options: { countsAgainstQuota?: boolean } = {},
) {
  const at = now();
  const partner = await tx.partner.findUnique({
    where: { id: actor.partnerId },
    select: { outsourcingCompanyId: true },
  });
  if (!partner) throw notFound();
  // The tariff's requests per month (BIZ-2), checked under the Partner's row lock; an order of a paid
  // service opens its request beyond it.
  if (options.countsAgainstQuota !== false) await assertRequestQuota(tx, actor.partnerId, at);
  const companyId = partner.outsourcingCompanyId;
  const target = await tx.requestSlaTarget.findUnique({
    where: { category_priority: { category: input.category, priority: input.priority } },
  });
  const cal = await calendarAround(tx, companyId, at);
  const clock = startClock(at, target ?? { firstResponseHours: 8, resolutionHours: 40 }, cal);
  const assignee = await chooseAssignee(tx, actor.partnerId, companyId, input.category);
  const { year, seq, number } = await nextNumber(tx, actor.partnerId, at);
  const request = await tx.request.create({
    data: {
      partnerId: actor.partnerId,
      companyId,
      year,
      seq,
      number,
      category: input.category,
      priority: input.priority,
      subject: input.subject,
      authorId: actor.personId,
      assigneeId: assignee?.id ?? null,
      linkedFromId,
      ...clockColumns(clock),
      lastMessageAt: at,
      createdAt: at,
    },
  });
  const sha256 = textSha256(input.text);
  const message = await tx.requestMessage.create({
    data: {
      partnerId: actor.partnerId,
      requestId: request.id,
      authorId: actor.personId,
      side: "PARTNER",
      text: input.text,
      sha256,
      createdAt: at,
    },
  });
  const attachments = await attachDocuments(tx, actor, request, message.id, input.documentIds, at);
  await recordStatus(tx, request, null, "NEW", actor.personId, at);
  await tx.requestRead.create({
    data: { partnerId: actor.partnerId, requestId: request.id, personId: actor.personId, lastReadAt: at },
  });
  if (assignee) await tell(tx, "desk", [assignee.personId], actor.personId, "request.created", request);
  return { request, message: { id: message.id, sha256, createdAt: at }, attachments };
}

const threadSelect = {
  id: true,
  partnerId: true,
  companyId: true,
  number: true,
  subject: true,
  category: true,
  priority: true,
  status: true,
  authorId: true,
  assigneeId: true,
  resolvedAt: true,
  firstResponseDueAt: true,
  firstRespondedAt: true,
  resolutionTargetMs: true,
  consumedMs: true,
  clockStartedAt: true,
  resolutionDueAt: true,
  dueAt: true,
  assignee: { select: { personId: true } },
} satisfies Prisma.RequestSelect;

/** A request the actor reaches, locked for the change (FOR UPDATE), or not-found. */
export async function lockRequest(tx: Tx, actor: RequestActor, requestId: string) {
  const request = await tx.request.findFirst({
    where: { id: requestId, ...(actor.kind === "staff" ? { companyId: actor.companyId } : {}) },
    select: threadSelect,
  });
  if (!request) throw notFound();
  await tx.$queryRaw`SELECT 1 FROM request WHERE id = ${request.id}::uuid FOR UPDATE`;
  // Read again under the lock: a parallel change may have moved it.
  return (await tx.request.findFirst({ where: { id: request.id }, select: threadSelect }))!;
}

type LockedRequest = Awaited<ReturnType<typeof lockRequest>>;

/** The clock's and status columns after moving to `to`. */
async function moveTo(tx: Tx, request: LockedRequest, to: RequestStatus, at: Date, responded: boolean) {
  const cal = await calendarAround(tx, request.companyId, at);
  let clock = clockOf(request);
  if (responded) clock = markResponded(clock, at);
  if (to === "WAITING_PARTNER" || to === "RESOLVED" || to === "CLOSED") clock = pauseClock(clock, at, cal);
  else clock = resumeClock(clock, at, cal);
  return {
    status: to,
    ...clockColumns(clock),
    dueSoonNotifiedAt: null,
    overdueNotifiedAt: null,
    ...(to === "RESOLVED" ? { resolvedAt: at } : {}),
    ...(to === "CLOSED" ? { closedAt: at } : {}),
    ...(to === "IN_PROGRESS" ? { resolvedAt: null } : {}),
  };
}

/** Which status a change by staff may reach from where the request is. */
const STAFF_MOVES: Record<RequestStatus, readonly RequestStatus[]> = {
  NEW: ["IN_PROGRESS", "WAITING_PARTNER", "RESOLVED"],
  IN_PROGRESS: ["WAITING_PARTNER", "RESOLVED"],
  WAITING_PARTNER: ["IN_PROGRESS", "RESOLVED"],
  RESOLVED: ["IN_PROGRESS", "CLOSED"],
  CLOSED: [],
};

/** Staff move a request between statuses; the Partner's side is told. */
export async function changeStatus(tx: Tx, actor: StaffActor, requestId: string, to: RequestStatus) {
  const request = await lockRequest(tx, actor, requestId);
  if (!STAFF_MOVES[request.status].includes(to)) throw new AppError("conflict", "request_status_invalid");
  const at = now();
  await tx.request.update({ where: { id: request.id }, data: await moveTo(tx, request, to, at, false) });
  await recordStatus(tx, request, request.status, to, actor.personId, at);
  await tell(
    tx,
    "partner",
    await partnerPeople(tx, request.id, request.authorId),
    actor.personId,
    "request.status",
    request,
    {
      status: to,
    },
  );
  return { request, from: request.status, to };
}

/**
 * A message in the thread (REQ-2). Staff: NEW becomes IN_PROGRESS and the first response is
 * answered. Partner: waiting becomes in progress (the clock resumes); resolved within REOPEN_DAYS
 * reopens; a closed request (or resolved longer ago) starts a new request linked to it.
 */
export async function postMessage(
  tx: Tx,
  actor: RequestActor,
  input: { requestId: string; text: string; documentIds: string[] },
) {
  const request = await lockRequest(tx, actor, input.requestId);
  const at = now();
  if (actor.kind === "member") {
    const expired =
      request.status === "RESOLVED" &&
      (!request.resolvedAt || at.getTime() - request.resolvedAt.getTime() > REOPEN_DAYS * 86_400_000);
    if (request.status === "CLOSED" || expired) {
      if (request.status !== "CLOSED") {
        await tx.request.update({ where: { id: request.id }, data: { status: "CLOSED", closedAt: at } });
        await recordStatus(tx, request, request.status, "CLOSED", actor.personId, at);
      }
      const created = await createRequest(
        tx,
        actor,
        {
          category: request.category,
          priority: request.priority,
          subject: request.subject,
          text: input.text,
          documentIds: input.documentIds,
        },
        request.id,
      );
      return {
        requestId: created.request.id,
        partnerId: request.partnerId,
        message: created.message,
        newRequest: true as const,
        from: request.status,
      };
    }
  } else if (request.status === "CLOSED") {
    throw new AppError("conflict", "request_closed");
  }
  const sha256 = textSha256(input.text);
  const message = await tx.requestMessage.create({
    data: {
      partnerId: request.partnerId,
      requestId: request.id,
      authorId: actor.personId,
      side: actor.kind === "member" ? "PARTNER" : "OUTSOURCER",
      text: input.text,
      sha256,
      createdAt: at,
    },
  });
  await attachDocuments(tx, actor, request, message.id, input.documentIds, at);
  let to: RequestStatus = request.status;
  if (actor.kind === "member" && (request.status === "WAITING_PARTNER" || request.status === "RESOLVED"))
    to = "IN_PROGRESS";
  if (actor.kind === "staff" && request.status === "NEW") to = "IN_PROGRESS";
  const responded = actor.kind === "staff" && !request.firstRespondedAt;
  const data = to !== request.status || responded ? await moveTo(tx, request, to, at, responded) : {};
  await tx.request.update({ where: { id: request.id }, data: { ...data, lastMessageAt: at } });
  if (to !== request.status) await recordStatus(tx, request, request.status, to, actor.personId, at);
  await tx.requestRead.upsert({
    where: { requestId_personId: { requestId: request.id, personId: actor.personId } },
    create: { partnerId: request.partnerId, requestId: request.id, personId: actor.personId, lastReadAt: at },
    update: { lastReadAt: at },
  });
  const author = {
    author: (await tx.person.findUnique({ where: { id: actor.personId }, select: { name: true } }))?.name ?? "",
  };
  if (actor.kind === "member") {
    const deskPeople = request.assignee ? [request.assignee.personId] : [];
    await tell(tx, "desk", deskPeople, actor.personId, "request.message", request, author);
  } else {
    await tell(
      tx,
      "partner",
      await partnerPeople(tx, request.id, request.authorId),
      actor.personId,
      "request.message",
      request,
      author,
    );
  }
  return {
    requestId: request.id,
    partnerId: request.partnerId,
    message: { id: message.id, sha256, createdAt: at },
    newRequest: false as const,
    from: request.status,
    to,
  };
}
