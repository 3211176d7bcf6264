import { z } from "zod";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors/app-error";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { PAGE_SIZE, decodeKeyset, encodeKeyset } from "@/lib/pagination";
import { visibleDocuments } from "@/lib/documents/access";
import { can } from "@/lib/permissions/catalog";
import { defineLoader } from "@/lib/tenancy/loader";
import { partnerCondition, readablePartners } from "@/lib/tenancy/scope";
import { isOverdue } from "./clock";
import { OPEN_STATUSES } from "./constants";
import { requestIdSchema, requestListSchema, requestThreadSchema, type RequestListInput } from "./schemas";
import type { RequestActor } from "./thread";
import { buildTranscript } from "./transcript";

/** Who reads requests: members with "requests: view", staff of the serving company who reach the Partner. */
export const REQUESTS_VIEW = { member: "requests.view", staff: "desk.view" } as const;

/** The request rows an actor reaches on top of the Partner scope: staff only their own company's. */
function visibleRequests(actor: RequestActor): Prisma.RequestWhereInput {
  return actor.kind === "staff" ? { companyId: actor.companyId } : {};
}

/** Unread messages per request for one reader: the other people's messages after their last read. */
async function unreadCounts(db: PrismaClient, personId: string, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ requestId: string; n: number }[]>`
    SELECT m."requestId", count(*)::int AS n FROM request_message m
      LEFT JOIN request_read r ON r."requestId" = m."requestId" AND r."personId" = ${personId}::uuid
     WHERE m."requestId" = ANY(${[...ids]}::uuid[]) AND m."authorId" <> ${personId}::uuid
       AND (r."lastReadAt" IS NULL OR m."createdAt" > r."lastReadAt")
     GROUP BY m."requestId"`;
  return new Map(rows.map((r) => [r.requestId, r.n]));
}

/**
 * One page of request ids in one statement: filters, then the due time (soonest first, paused ones
 * last) and id as the keyset. The rows are then read through the scoped client again, so this
 * statement can narrow but never widen what the actor sees.
 */
async function pageIds(
  db: PrismaClient,
  actor: RequestActor,
  input: RequestListInput,
): Promise<{ ids: string[]; nextCursor: string | null }> {
  const partnerIds = readablePartners(actor, input.partnerId);
  if (partnerIds.length === 0) return { ids: [], nextCursor: null };
  const where: Prisma.Sql[] = [partnerCondition(`r."partnerId"`, partnerIds)];
  if (actor.kind === "staff") where.push(Prisma.sql`r."companyId" = ${actor.companyId}::uuid`);
  if (input.status === "open") where.push(Prisma.sql`r.status::text = ANY(${[...OPEN_STATUSES]}::text[])`);
  else if (input.status !== "all") where.push(Prisma.sql`r.status = ${input.status}::"RequestStatus"`);
  if (input.category) where.push(Prisma.sql`r.category = ${input.category}::"RequestCategory"`);
  if (input.assigneeId === "none") where.push(Prisma.sql`r."assigneeId" IS NULL`);
  else if (input.assigneeId) where.push(Prisma.sql`r."assigneeId" = ${input.assigneeId}::uuid`);
  if (input.overdue) where.push(Prisma.sql`r."dueAt" < ${now()}::timestamp`);
  if (input.unread)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM request_message m
      LEFT JOIN request_read rr ON rr."requestId" = r.id AND rr."personId" = ${actor.personId}::uuid
      WHERE m."requestId" = r.id AND m."authorId" <> ${actor.personId}::uuid
        AND (rr."lastReadAt" IS NULL OR m."createdAt" > rr."lastReadAt"))`);
  const key = decodeKeyset(input.cursor, 2);
  const [due, lastId] = key ?? [];
  if (key && lastId && z.uuid().safeParse(lastId).success) {
    if (due && !Number.isNaN(Date.parse(due)))
      where.push(
        Prisma.sql`(r."dueAt" > ${new Date(due)}::timestamp OR (r."dueAt" = ${new Date(due)}::timestamp AND r.id > ${lastId}::uuid) OR r."dueAt" IS NULL)`,
      );
    else if (due === "") where.push(Prisma.sql`(r."dueAt" IS NULL AND r.id > ${lastId}::uuid)`);
  }
  const rows = await db.$queryRaw<{ id: string; dueAt: Date | null }[]>`
    SELECT r.id, r."dueAt" FROM request r
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY r."dueAt" ASC NULLS LAST, r.id ASC
     LIMIT ${PAGE_SIZE + 1}`;
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    ids: page.map((r) => r.id),
    nextCursor:
      rows.length > PAGE_SIZE && last ? encodeKeyset([last.dueAt ? last.dueAt.toISOString() : "", last.id]) : null,
  };
}

const listSelect = {
  id: true,
  partnerId: true,
  number: true,
  subject: true,
  category: true,
  priority: true,
  status: true,
  dueAt: true,
  firstResponseDueAt: true,
  resolutionDueAt: true,
  lastMessageAt: true,
  createdAt: true,
  partner: { select: { name: true } },
  assignee: { select: { id: true, person: { select: { name: true } } } },
} satisfies Prisma.RequestSelect;

async function listRequests(db: PrismaClient, actor: RequestActor, input: RequestListInput) {
  const { ids, nextCursor } = await pageIds(db, actor, input);
  const rows = ids.length
    ? await db.request.findMany({ where: { id: { in: ids }, ...visibleRequests(actor) }, select: listSelect })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const unread = await unreadCounts(db, actor.personId, ids);
  const at = now();
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { assignee, ...rest } = row;
    return [
      {
        ...rest,
        assignee: assignee ? { id: assignee.id, name: assignee.person.name } : null,
        overdue: isOverdue(row.dueAt, at),
        unread: unread.get(id) ?? 0,
      },
    ];
  });
  return { items, nextCursor };
}

/** The cabinet's requests (REQ-1): the Partner's threads by due time, with unread counts. */
export const requestListLoader = defineLoader({
  name: "requests.list",
  access: { member: "requests.view" },
  input: requestListSchema,
  async load({ input, db, actor }) {
    const page = await listRequests(db, actor, { ...input, partnerId: undefined, assigneeId: undefined });
    return { ...page, canEdit: can(actor.rights, "requests.edit") };
  },
});

/** The company's staff, for assignment and for the filter. */
async function companyStaff(db: PrismaClient, companyId: string) {
  const staff = await db.staffMember.findMany({
    where: { companyId },
    orderBy: { person: { name: "asc" } },
    select: { id: true, role: true, person: { select: { name: true } } },
  });
  return staff.map((s) => ({ id: s.id, role: s.role, name: s.person.name }));
}

/** The desk's queue (REQ-4): across every Partner the staff member reaches, by due time, with filters. */
export const deskRequestsLoader = defineLoader({
  name: "desk.requests",
  access: { staff: "desk.view" },
  input: requestListSchema,
  async load({ input, db, actor }) {
    const page = await listRequests(db, actor, input);
    const partners = await db.partner.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true },
      take: 500,
    });
    const staff = await companyStaff(db, actor.companyId);
    const isManager = can(actor.rights, "desk.assignments.manage");
    let load: { staffMemberId: string | null; name: string; open: number; overdue: number }[] = [];
    if (isManager) {
      const rows = await db.$queryRaw<{ assigneeId: string | null; open: number; overdue: number }[]>`
        SELECT r."assigneeId", count(*)::int AS open,
               count(*) FILTER (WHERE r."dueAt" < ${now()}::timestamp)::int AS overdue
          FROM request r
         WHERE r."companyId" = ${actor.companyId}::uuid AND r."partnerId" = ANY(${[...actor.partnerIds]}::uuid[])
           AND r.status::text = ANY(${[...OPEN_STATUSES]}::text[])
         GROUP BY r."assigneeId"`;
      const names = new Map(staff.map((s) => [s.id, s.name]));
      load = staff.map((s) => {
        const row = rows.find((r) => r.assigneeId === s.id);
        return { staffMemberId: s.id, name: s.name, open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
      });
      const none = rows.find((r) => r.assigneeId === null);
      if (none) load.push({ staffMemberId: null, name: "", open: none.open, overdue: none.overdue });
      load = load.filter((l) => l.staffMemberId === null || names.has(l.staffMemberId));
    }
    return { ...page, partners, staff, isManager, load };
  },
});

/** Messages a thread page shows: the newest ones, older ones a page at a time. */
export const THREAD_PAGE = 50;

const messageSelect = {
  id: true,
  side: true,
  text: true,
  sha256: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  attachments: {
    select: {
      documentId: true,
      versionId: true,
      sha256: true,
      document: { select: { title: true } },
      version: { select: { originalName: true, size: true } },
    },
  },
} satisfies Prisma.RequestMessageSelect;

/**
 * A page of a thread, oldest first: the THREAD_PAGE messages before the cursor (the newest when
 * there is none), and the cursor of the page before it when there is one. A long thread renders
 * in the same time as a short one.
 */
async function threadPage(db: PrismaClient, requestId: string, before: string | undefined) {
  const key = decodeKeyset(before, 2);
  const [at, id] = key ?? [];
  const keyset =
    at && id && !Number.isNaN(Date.parse(at)) && z.uuid().safeParse(id).success
      ? { OR: [{ createdAt: { lt: new Date(at) } }, { createdAt: new Date(at), id: { lt: id } }] }
      : {};
  const rows = await db.requestMessage.findMany({
    where: { requestId, ...keyset },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: THREAD_PAGE + 1,
    select: messageSelect,
  });
  const page = rows.slice(0, THREAD_PAGE).reverse();
  const oldest = page[0];
  return {
    messages: page,
    earlierCursor:
      rows.length > THREAD_PAGE && oldest ? encodeKeyset([oldest.createdAt.toISOString(), oldest.id]) : null,
    /** Whether this is a page of older messages (the newest are not shown). */
    isEarlierPage: key !== null,
  };
}

/** One request with a page of its thread; staff also get the internal notes, which a member's read never selects. */
export const requestDetailLoader = defineLoader({
  name: "requests.detail",
  access: REQUESTS_VIEW,
  input: requestThreadSchema,
  async load({ input, db, actor }) {
    const request = await db.request.findFirst({
      where: { id: input.requestId, ...visibleRequests(actor) },
      select: {
        ...listSelect,
        authorId: true,
        firstRespondedAt: true,
        clockStartedAt: true,
        resolvedAt: true,
        closedAt: true,
        linkedFrom: { select: { id: true, number: true } },
        followUps: { select: { id: true, number: true } },
        author: { select: { name: true } },
        statusChanges: {
          orderBy: { createdAt: "asc" },
          select: { fromStatus: true, toStatus: true, actorId: true, createdAt: true },
        },
      },
    });
    if (!request) throw notFound();
    const thread = await threadPage(db, request.id, input.before);
    // An attachment stays part of its message for every reader; it opens only for those who may
    // see the document itself (a RESTRICTED member's categories, staff's own company's exchange).
    const attachedIds = [...new Set(thread.messages.flatMap((m) => m.attachments.map((a) => a.documentId)))];
    const openable = new Set(
      attachedIds.length
        ? (
            await db.document.findMany({
              where: { id: { in: attachedIds }, ...visibleDocuments(actor) },
              select: { id: true },
            })
          ).map((d) => d.id)
        : [],
    );
    const notes =
      actor.kind === "staff"
        ? await db.requestNote.findMany({
            where: { requestId: request.id },
            orderBy: { createdAt: "asc" },
            select: { id: true, text: true, createdAt: true, author: { select: { name: true } } },
          })
        : [];
    const unread = (await unreadCounts(db, actor.personId, [request.id])).get(request.id) ?? 0;
    const isManager = actor.kind === "staff" && can(actor.rights, "desk.assignments.manage");
    const { assignee, ...rest } = request;
    return {
      request: {
        ...rest,
        assignee: assignee ? { id: assignee.id, name: assignee.person.name } : null,
        overdue: isOverdue(request.dueAt, now()),
        paused: request.clockStartedAt === null,
      },
      earlierCursor: thread.earlierCursor,
      isEarlierPage: thread.isEarlierPage,
      messages: thread.messages.map((m) => ({
        ...m,
        attachments: m.attachments.map((a) => ({
          documentId: a.documentId,
          versionId: a.versionId,
          sha256: a.sha256,
          title: a.document.title,
          fileName: a.version.originalName,
          size: Number(a.version.size),
          openable: openable.has(a.documentId),
        })),
      })),
      notes,
      unread,
      side: actor.kind === "member" ? ("partner" as const) : ("outsourcer" as const),
      canWrite: actor.kind === "member" ? can(actor.rights, "requests.edit") : true,
      /** Staff may attach files to replies (uploaded into the Partner's library from the desk). */
      canAttach: actor.kind === "staff" && can(actor.rights, "desk.documents.send"),
      isManager,
      staff: isManager && actor.kind === "staff" ? await companyStaff(db, actor.companyId) : [],
    };
  },
});

/** A thread's transcript (REQ-3), recorded as an export before it leaves. */
export const requestTranscriptLoader = defineLoader({
  name: "requests.transcript",
  access: REQUESTS_VIEW,
  input: requestIdSchema.extend({ format: z.enum(["json", "pdf"]).default("json") }),
  async load({ input, db, actor, record }) {
    const transcript = await buildTranscript(db, visibleRequests(actor), input.requestId, now());
    if (!transcript) throw notFound();
    await record({
      action: "request.transcript_exported",
      partnerId: transcript.request.partnerId,
      targetType: "request",
      targetId: transcript.request.id,
      details: { format: input.format, sha256: transcript.transcriptSha256 },
    });
    return transcript;
  },
});
