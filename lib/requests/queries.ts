import { z } from "zod";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors/app-error";
import {
  Prisma,
  type PrismaClient,
  type RequestCategory,
  type RequestPriority,
  type RequestStatus,
} from "@/lib/generated/prisma/client";
import { PAGE_SIZE, decodeKeyset, encodeKeyset } from "@/lib/pagination";
import { visibleDocuments } from "@/lib/documents/access";
import { can } from "@/lib/permissions/catalog";
import { defineLoader } from "@/lib/tenancy/loader";
import { partnerCondition, readablePartners } from "@/lib/tenancy/scope";
import { isOverdue } from "./clock";
import { OPEN_STATUSES, REQUEST_STATUSES } from "./constants";
import { requestIdSchema, requestListSchema, requestThreadSchema, type RequestListInput } from "./schemas";
import type { RequestActor } from "./thread";
import { buildTranscript } from "./transcript";

/** Who reads requests: members with "requests: view", staff of the serving company who reach the Partner. */
export const REQUESTS_VIEW = { member: "requests.view", staff: "desk.view" } as const;

/** The request rows an actor reaches on top of the Partner scope: staff only their own company's. */
function visibleRequests(actor: RequestActor): Prisma.RequestWhereInput {
  return actor.kind === "staff" ? { companyId: actor.companyId } : {};
}

interface ListRow {
  id: string;
  partnerId: string;
  number: string;
  subject: string;
  category: RequestCategory;
  priority: RequestPriority;
  status: RequestStatus;
  dueAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  lastMessageAt: Date;
  createdAt: Date;
  partnerName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  unread: number;
}

/**
 * One page of the list in one statement: the actor's Partners (and, for staff, their own company's
 * requests only, as the scoped read would), the filters, then the due time (soonest first, paused
 * ones last) and id as the keyset; with each row its Partner, assignee and the reader's unread count.
 * Each status is read apart and the parts merged, so the index on (company, status, due time)
 * hands every part over in order and a page never reads the whole queue.
 */
async function listRequests(db: PrismaClient, actor: RequestActor, input: RequestListInput) {
  const partnerIds = readablePartners(actor, input.partnerId);
  if (partnerIds.length === 0) return { items: [], nextCursor: null };
  const where: Prisma.Sql[] = [partnerCondition(`r."partnerId"`, partnerIds)];
  if (actor.kind === "staff") where.push(Prisma.sql`r."companyId" = ${actor.companyId}::uuid`);
  if (input.category) where.push(Prisma.sql`r.category = ${input.category}::"RequestCategory"`);
  if (input.partner) {
    const like = input.partner.replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push(Prisma.sql`r."partnerId" IN (SELECT p.id FROM partner p
      WHERE p.name ILIKE ${`%${like}%`} OR p."taxId" LIKE ${`${like}%`})`);
  }
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
  const statuses: readonly RequestStatus[] =
    input.status === "open" ? OPEN_STATUSES : input.status === "all" ? REQUEST_STATUSES : [input.status];
  const parts = statuses.map(
    (status) => Prisma.sql`(SELECT r.id, r."dueAt" FROM request r
       WHERE ${Prisma.join(where, " AND ")} AND r.status = ${status}::"RequestStatus"
       ORDER BY r."dueAt" ASC NULLS LAST, r.id ASC LIMIT ${PAGE_SIZE + 1})`,
  );
  const rows = await db.$queryRaw<ListRow[]>`
    WITH page AS (
      SELECT id, "dueAt" FROM (${Prisma.join(parts, " UNION ALL ")}) AS part
       ORDER BY "dueAt" ASC NULLS LAST, id ASC LIMIT ${PAGE_SIZE + 1}
    )
    SELECT r.id, r."partnerId", r.number, r.subject, r.category, r.priority, r.status, r."dueAt",
           r."firstResponseDueAt", r."resolutionDueAt", r."lastMessageAt", r."createdAt",
           p.name AS "partnerName", r."assigneeId", ap.name AS "assigneeName",
           (SELECT count(*)::int FROM request_message m
              LEFT JOIN request_read rr ON rr."requestId" = m."requestId" AND rr."personId" = ${actor.personId}::uuid
             WHERE m."requestId" = r.id AND m."authorId" <> ${actor.personId}::uuid
               AND (rr."lastReadAt" IS NULL OR m."createdAt" > rr."lastReadAt")) AS unread
      FROM page JOIN request r ON r.id = page.id
      JOIN partner p ON p.id = r."partnerId"
      LEFT JOIN staff_member s ON s.id = r."assigneeId"
      LEFT JOIN person ap ON ap.id = s."personId"
     ORDER BY page."dueAt" ASC NULLS LAST, page.id ASC`;
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const at = now();
  return {
    items: page.map(({ partnerName, assigneeId, assigneeName, ...row }) => ({
      ...row,
      partner: { name: partnerName },
      assignee: assigneeId ? { id: assigneeId, name: assigneeName ?? "" } : null,
      overdue: isOverdue(row.dueAt, at),
    })),
    nextCursor:
      rows.length > PAGE_SIZE && last ? encodeKeyset([last.dueAt ? last.dueAt.toISOString() : "", last.id]) : null,
  };
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
  return db.$queryRaw<{ id: string; role: string; name: string }[]>`
    SELECT s.id, s.role::text AS role, p.name FROM staff_member s JOIN person p ON p.id = s."personId"
     WHERE s."companyId" = ${companyId}::uuid ORDER BY p.name, s.id`;
}

/** The desk's queue (REQ-4): across every Partner the staff member reaches, by due time, with filters. */
export const deskRequestsLoader = defineLoader({
  name: "desk.requests",
  access: { staff: "desk.view" },
  input: requestListSchema,
  async load({ input, db, actor }) {
    const page = await listRequests(db, actor, input);
    // The filters: the Partner a link chose (by id, among those reached), and the company's staff.
    const partner =
      input.partnerId && actor.partnerIds.includes(input.partnerId)
        ? await db.partner.findFirst({ where: { id: input.partnerId }, select: { id: true, name: true } })
        : null;
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
    return { ...page, partner, staff, isManager, load };
  },
});

/** Messages a thread page shows: the newest ones, older ones a page at a time. */
export const THREAD_PAGE = 50;

interface MessageRow {
  id: string;
  side: "PARTNER" | "OUTSOURCER";
  text: string;
  sha256: string;
  createdAt: Date;
  authorId: string;
  authorName: string;
  attachments: {
    documentId: string;
    versionId: string;
    sha256: string;
    title: string;
    originalName: string;
    size: number;
  }[];
}

/**
 * A page of a thread, oldest first, in one statement: the THREAD_PAGE messages before the cursor
 * (the newest when there is none) with their authors and attachments, and the cursor of the page
 * before it when there is one. A long thread renders in the same time as a short one. The request
 * was read through the actor's scope before; its Partner bounds this statement too.
 */
async function threadPage(db: PrismaClient, request: { id: string; partnerId: string }, before: string | undefined) {
  const key = decodeKeyset(before, 2);
  const [at, id] = key ?? [];
  const keyset =
    at && id && !Number.isNaN(Date.parse(at)) && z.uuid().safeParse(id).success
      ? Prisma.sql`AND (m."createdAt", m.id) < (${new Date(at)}::timestamp, ${id}::uuid)`
      : Prisma.empty;
  const rows = await db.$queryRaw<MessageRow[]>`
    SELECT m.id, m.side::text AS side, m.text, m.sha256, m."createdAt", m."authorId", p.name AS "authorName",
           coalesce((SELECT json_agg(json_build_object(
                       'documentId', a."documentId", 'versionId', a."versionId", 'sha256', a.sha256,
                       'title', d.title, 'originalName', v."originalName", 'size', v.size) ORDER BY a.id)
                       FROM request_attachment a
                       JOIN document d ON d.id = a."documentId"
                       JOIN document_version v ON v.id = a."versionId"
                      WHERE a."messageId" = m.id), '[]'::json) AS attachments
      FROM request_message m JOIN person p ON p.id = m."authorId"
     WHERE m."requestId" = ${request.id}::uuid AND m."partnerId" = ${request.partnerId}::uuid ${keyset}
     ORDER BY m."createdAt" DESC, m.id DESC
     LIMIT ${THREAD_PAGE + 1}`;
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

interface DetailRow {
  id: string;
  partnerId: string;
  number: string;
  subject: string;
  category: RequestCategory;
  priority: RequestPriority;
  status: RequestStatus;
  dueAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  lastMessageAt: Date;
  createdAt: Date;
  authorId: string;
  firstRespondedAt: Date | null;
  clockStartedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  partnerName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  authorName: string;
  linkedFromId: string | null;
  linkedFromNumber: string | null;
  followUps: { id: string; number: string }[];
  statusChanges: {
    fromStatus: RequestStatus | null;
    toStatus: RequestStatus;
    actorId: string | null;
    createdAt: string;
  }[];
  notes: { id: string; text: string; createdAt: string; authorName: string }[] | null;
  unread: number;
}

/** One request with a page of its thread; staff also get the internal notes, which a member's read never selects. */
export const requestDetailLoader = defineLoader({
  name: "requests.detail",
  access: REQUESTS_VIEW,
  input: requestThreadSchema,
  async load({ input, db, actor }) {
    // The request, its people, links, history, the reader's unread count and (staff only) the notes,
    // in one statement bounded by the actor's Partners and, for staff, their own company. Times inside
    // JSON are written with their UTC offset (the columns hold UTC without a zone).
    const scope = [partnerCondition(`r."partnerId"`, readablePartners(actor))];
    if (actor.kind === "staff") scope.push(Prisma.sql`r."companyId" = ${actor.companyId}::uuid`);
    const notes =
      actor.kind === "staff"
        ? Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', n.id, 'text', n.text, 'createdAt', n."createdAt" AT TIME ZONE 'UTC',
                        'authorName', np.name) ORDER BY n."createdAt", n.id), '[]'::json)
                        FROM request_note n JOIN person np ON np.id = n."authorId" WHERE n."requestId" = r.id)`
        : Prisma.sql`NULL::json`;
    const [row] = await db.$queryRaw<DetailRow[]>`
      SELECT r.id, r."partnerId", r.number, r.subject, r.category, r.priority, r.status, r."dueAt",
             r."firstResponseDueAt", r."resolutionDueAt", r."lastMessageAt", r."createdAt", r."authorId",
             r."firstRespondedAt", r."clockStartedAt", r."resolvedAt", r."closedAt",
             pa.name AS "partnerName", r."assigneeId", ap.name AS "assigneeName", au.name AS "authorName",
             lf.id AS "linkedFromId", lf.number AS "linkedFromNumber",
             (SELECT coalesce(json_agg(json_build_object('id', f.id, 'number', f.number) ORDER BY f."createdAt"), '[]'::json)
                FROM request f WHERE f."linkedFromId" = r.id AND f."partnerId" = r."partnerId") AS "followUps",
             (SELECT coalesce(json_agg(json_build_object('fromStatus', c."fromStatus", 'toStatus', c."toStatus",
                       'actorId', c."actorId", 'createdAt', c."createdAt" AT TIME ZONE 'UTC') ORDER BY c."createdAt", c.id), '[]'::json)
                FROM request_status_change c WHERE c."requestId" = r.id) AS "statusChanges",
             ${notes} AS notes,
             (SELECT count(*)::int FROM request_message m
                LEFT JOIN request_read rr ON rr."requestId" = m."requestId" AND rr."personId" = ${actor.personId}::uuid
               WHERE m."requestId" = r.id AND m."authorId" <> ${actor.personId}::uuid
                 AND (rr."lastReadAt" IS NULL OR m."createdAt" > rr."lastReadAt")) AS unread
        FROM request r
        JOIN partner pa ON pa.id = r."partnerId"
        JOIN person au ON au.id = r."authorId"
        LEFT JOIN staff_member s ON s.id = r."assigneeId"
        LEFT JOIN person ap ON ap.id = s."personId"
        LEFT JOIN request lf ON lf.id = r."linkedFromId"
       WHERE r.id = ${input.requestId}::uuid AND ${Prisma.join(scope, " AND ")}`;
    if (!row) throw notFound();
    const {
      partnerName,
      assigneeId,
      assigneeName,
      authorName,
      linkedFromId,
      linkedFromNumber,
      statusChanges,
      notes: noteRows,
      unread,
      ...fields
    } = row;
    const request = {
      ...fields,
      partner: { name: partnerName },
      author: { name: authorName },
      linkedFrom: linkedFromId ? { id: linkedFromId, number: linkedFromNumber ?? "" } : null,
      statusChanges: statusChanges.map((c) => ({ ...c, createdAt: new Date(c.createdAt) })),
    };
    const thread = await threadPage(db, request, input.before);
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
    const isManager = actor.kind === "staff" && can(actor.rights, "desk.assignments.manage");
    return {
      request: {
        ...request,
        assignee: assigneeId ? { id: assigneeId, name: assigneeName ?? "" } : null,
        overdue: isOverdue(request.dueAt, now()),
        paused: request.clockStartedAt === null,
      },
      earlierCursor: thread.earlierCursor,
      isEarlierPage: thread.isEarlierPage,
      messages: thread.messages.map(({ authorId, authorName: name, attachments, ...m }) => ({
        ...m,
        author: { id: authorId, name },
        attachments: attachments.map((a) => ({
          documentId: a.documentId,
          versionId: a.versionId,
          sha256: a.sha256,
          title: a.title,
          fileName: a.originalName,
          size: Number(a.size),
          openable: openable.has(a.documentId),
        })),
      })),
      notes: (noteRows ?? []).map((n) => ({
        id: n.id,
        text: n.text,
        createdAt: new Date(n.createdAt),
        author: { name: n.authorName },
      })),
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
