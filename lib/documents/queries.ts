import { now } from "@/lib/clock";
import { readPlanLimits } from "@/lib/billing/limits";
import { z } from "zod";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors/app-error";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { PAGE_SIZE, decodeKeyset, encodeKeyset } from "@/lib/pagination";
import { DOCUMENT_CATEGORIES, can } from "@/lib/permissions/catalog";
import { defineLoader } from "@/lib/tenancy/loader";
import { partnerCondition, readablePartners } from "@/lib/tenancy/scope";
import {
  DOCUMENTS_EDIT,
  DOCUMENTS_VIEW,
  ownsDirection,
  visibleDocuments,
  visibleVersions,
  type DocumentActor,
} from "./access";
import { documentListSchema, monthRange, type DocumentListInput } from "./schemas";
import { MIB, storageLimitMbSql, usageOf } from "./storage-quota";

/** The categories an actor may see: all, or those ticked for a RESTRICTED member. */
export function categoriesOf(actor: DocumentActor): readonly string[] {
  return actor.kind === "member" && actor.role === "RESTRICTED"
    ? DOCUMENT_CATEGORIES.filter((c) => actor.documentCategories.includes(c))
    : DOCUMENT_CATEGORIES;
}

/** True when the actor may upload, add versions and (members) send. */
export function canEditDocuments(actor: DocumentActor): boolean {
  return actor.kind === "member" ? can(actor.rights, "documents.edit") : can(actor.rights, "desk.documents.send");
}

/** Search words as a prefix query: Russian stems or the words as written (Kazakh), every word required. */
function searchQuery(q: string): Prisma.Sql | null {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  const expr = words.map((w) => `${w}:*`).join(" & ");
  return Prisma.sql`(to_tsquery('russian', ${expr}) || to_tsquery('simple', ${expr}))`;
}

/**
 * The visibility rules of `visibleDocuments`/`visibleVersions` written out in SQL over `document d`:
 * the Partners given (from the actor, never from input), a RESTRICTED member's categories, the staff
 * side of the exchange, a current version scanned clean or the reader's own waiting for its scan.
 * The read matrix and lib/documents tests hold them to the same answers as the Prisma rules.
 */
function visibleSql(actor: DocumentActor, partnerIds: readonly string[]): Prisma.Sql[] {
  const where: Prisma.Sql[] = [partnerCondition(`d."partnerId"`, partnerIds)];
  if (actor.kind === "member" && actor.role === "RESTRICTED")
    where.push(Prisma.sql`d.category::text = ANY(${[...actor.documentCategories]}::text[])`);
  if (actor.kind === "staff")
    where.push(
      Prisma.sql`d."companyId" = ${actor.companyId}::uuid AND d.direction IN ('TO_OUTSOURCER', 'FROM_OUTSOURCER')`,
    );
  where.push(Prisma.sql`EXISTS (SELECT 1 FROM document_version v WHERE v.id = d."currentVersionId"
    AND (v."scanStatus" IN ('NOT_SCANNED', 'CLEAN') OR (v."scanStatus" = 'PENDING' AND v."uploadedById" = ${actor.personId}::uuid)))`);
  return where;
}

/** Sent by the other side and not opened by this reader: the inbox (SQL over `document d`). */
function unreadSql(actor: DocumentActor): Prisma.Sql {
  const incoming = actor.kind === "member" ? "FROM_OUTSOURCER" : "TO_OUTSOURCER";
  return Prisma.sql`d.direction = ${incoming}::"DocumentDirection"
    AND NOT EXISTS (SELECT 1 FROM document_receipt r WHERE r."documentId" = d.id AND r."personId" = ${actor.personId}::uuid)`;
}

/**
 * One page of documents, newest first, in one statement: every filter (full-text search, keyset)
 * on top of the visibility rules of `visibleSql`.
 */
async function pageRows(
  db: PrismaClient,
  actor: DocumentActor,
  input: DocumentListInput,
): Promise<{ rows: ListRow[]; nextCursor: string | null }> {
  const partnerIds = readablePartners(actor, input.partnerId);
  if (partnerIds.length === 0) return { rows: [], nextCursor: null };
  const where = visibleSql(actor, partnerIds);
  where.push(
    input.status
      ? Prisma.sql`d.status = ${input.status}::"DocumentStatus"`
      : Prisma.sql`d.status <> 'ARCHIVED'::"DocumentStatus"`,
  );
  if (input.category) where.push(Prisma.sql`d.category = ${input.category}::"DocumentCategory"`);
  if (input.direction) where.push(Prisma.sql`d.direction = ${input.direction}::"DocumentDirection"`);
  if (input.period) {
    const { start, end } = monthRange(input.period);
    where.push(Prisma.sql`d."periodStart" <= ${end}::date AND d."periodEnd" >= ${start}::date`);
  }
  if (input.unread) where.push(unreadSql(actor));
  const query = input.q ? searchQuery(input.q) : null;
  if (query) where.push(Prisma.sql`d.search @@ ${query}`);
  const key = decodeKeyset(input.cursor, 2);
  const [at, lastId] = key ?? [];
  if (at && lastId && !Number.isNaN(Date.parse(at)) && z.uuid().safeParse(lastId).success)
    where.push(Prisma.sql`(d."createdAt", d.id) < (${new Date(at)}::timestamp, ${lastId}::uuid)`);
  // One statement for the page: the rows with their current version, author, Partner and whether
  // this reader opened them. The filter above is the visibility rule itself (Partner scope,
  // categories, the staff side, versions waiting for a scan).
  const rows = await db.$queryRaw<ListRow[]>`
    SELECT d.id, d."partnerId", d.title, d.category::text AS category, d.direction::text AS direction,
           d.status::text AS status, d."periodStart", d."createdAt", d."sentAt",
           p.name AS "partnerName", c.name AS "createdByName",
           v.id AS "versionId", v.number AS "versionNumber", v.size AS "versionSize", v.sha256 AS "versionSha256",
           v.mime AS "versionMime", v."originalName" AS "versionName", v."scanStatus"::text AS "versionScan",
           EXISTS (SELECT 1 FROM document_receipt r WHERE r."documentId" = d.id AND r."personId" = ${actor.personId}::uuid)
             AS "openedByMe"
      FROM document d
      JOIN document_version v ON v.id = d."currentVersionId"
      JOIN partner p ON p.id = d."partnerId"
      JOIN person c ON c.id = d."createdById"
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY d."createdAt" DESC, d.id DESC
     LIMIT ${PAGE_SIZE + 1}`;
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > PAGE_SIZE && last ? encodeKeyset([last.createdAt.toISOString(), last.id]) : null,
  };
}

interface ListRow {
  id: string;
  partnerId: string;
  title: string;
  category: string;
  direction: string;
  status: string;
  periodStart: Date | null;
  createdAt: Date;
  sentAt: Date | null;
  partnerName: string;
  createdByName: string;
  versionId: string;
  versionNumber: number;
  versionSize: bigint;
  versionSha256: string;
  versionMime: string;
  versionName: string;
  versionScan: string;
  openedByMe: boolean;
}

async function listDocuments(db: PrismaClient, actor: DocumentActor, input: DocumentListInput) {
  const { rows, nextCursor } = await pageRows(db, actor, input);
  const items = rows.map((row) => {
    const incoming = actor.kind === "member" ? row.direction === "FROM_OUTSOURCER" : row.direction === "TO_OUTSOURCER";
    return {
      id: row.id,
      partnerId: row.partnerId,
      title: row.title,
      category: row.category,
      direction: row.direction,
      status: row.status,
      periodStart: row.periodStart,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
      partner: { name: row.partnerName },
      createdBy: { name: row.createdByName },
      version: {
        id: row.versionId,
        number: row.versionNumber,
        size: Number(row.versionSize),
        sha256: row.versionSha256,
        mime: row.versionMime,
        originalName: row.versionName,
        scanStatus: row.versionScan,
      },
      /** Sent by the other side and not yet opened by this reader. */
      isNew: incoming && !row.openedByMe,
    };
  });
  return { items, nextCursor };
}

/** The Partner's library (DOC-1): its documents with filters and search, storage in use, the inbox count. */
export const documentLibraryLoader = defineLoader({
  name: "documents.library",
  access: { member: "documents.view" },
  input: documentListSchema,
  async load({ input, db, actor }) {
    // The page and what the page shows beside it are independent: two statements at once.
    const [page, [side]] = await Promise.all([
      listDocuments(db, actor, { ...input, partnerId: undefined }),
      db.$queryRaw<{ storageUsedBytes: bigint; storageLimitMb: number; company: string | null; unread: number }[]>`
        SELECT p."storageUsedBytes", ${storageLimitMbSql(now())} AS "storageLimitMb", c.name AS company,
               (${unreadCountSql(actor, [actor.partnerId])}) AS unread
          FROM partner p
          LEFT JOIN outsourcing_company c ON c.id = p."outsourcingCompanyId"
         WHERE p.id = ${actor.partnerId}::uuid`,
    ]);
    if (!side) throw notFound();
    return {
      ...page,
      usage: usageOf(side),
      unread: side.unread,
      company: side.company,
      categories: categoriesOf(actor),
      canEdit: canEditDocuments(actor),
      maxUploadBytes: env().UPLOAD_MAX_MB * MIB,
    };
  },
});

/** The desk's documents (DOC-3): what went between its company and the Partners the staff member reaches. */
export const deskDocumentsLoader = defineLoader({
  name: "desk.documents",
  access: { staff: "desk.documents.view" },
  input: documentListSchema,
  async load({ input, db, actor }) {
    const page = await listDocuments(db, actor, input);
    const partners = await db.partner.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true },
      take: 500,
    });
    const unread = await countUnread(db, actor);
    return { ...page, partners, unread, canEdit: canEditDocuments(actor), maxUploadBytes: env().UPLOAD_MAX_MB * MIB };
  },
});

/**
 * How many documents the other side sent that this reader may see and has not opened (the inbox),
 * as a scalar subquery. With the covering indexes on document (Partner, direction, …, current
 * version) and document_version (id, scan state, uploader) it reads indexes only.
 */
function unreadCountSql(actor: DocumentActor, partnerIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int FROM document d
     WHERE ${Prisma.join([...visibleSql(actor, partnerIds), unreadSql(actor)], " AND ")}`;
}

/** The inbox count of `unreadCountSql` over every Partner the actor reaches. */
async function countUnread(db: PrismaClient, actor: DocumentActor): Promise<number> {
  const partnerIds = readablePartners(actor);
  if (partnerIds.length === 0) return 0;
  const [row] = await db.$queryRaw<{ unread: number }[]>`SELECT (${unreadCountSql(actor, partnerIds)}) AS unread`;
  return row?.unread ?? 0;
}

/**
 * One document with every version the reader may open, who sent it to whom and when, and when each
 * person of the other side first opened it (DOC-3); what the reader may do with it.
 */
export const documentDetailLoader = defineLoader({
  name: "documents.detail",
  access: DOCUMENTS_VIEW,
  input: z.object({ documentId: z.uuid() }),
  async load({ input, db, actor }) {
    const document = await db.document.findFirst({
      where: { id: input.documentId, ...visibleDocuments(actor) },
      select: {
        id: true,
        partnerId: true,
        title: true,
        description: true,
        category: true,
        direction: true,
        status: true,
        periodStart: true,
        periodEnd: true,
        createdAt: true,
        sentAt: true,
        archivedAt: true,
        currentVersionId: true,
        partner: { select: { name: true, outsourcingCompanyId: true } },
        company: { select: { name: true } },
        createdBy: { select: { name: true } },
        sentBy: { select: { name: true } },
        versions: {
          where: visibleVersions(actor),
          orderBy: { number: "desc" },
          select: {
            id: true,
            number: true,
            originalName: true,
            mime: true,
            size: true,
            sha256: true,
            scanStatus: true,
            createdAt: true,
            uploadedBy: { select: { name: true } },
          },
        },
        receipts: { orderBy: { openedAt: "asc" }, select: { openedAt: true, person: { select: { name: true } } } },
      },
    });
    const current = document?.versions.find((v) => v.id === document.currentVersionId) ?? document?.versions[0];
    if (!document || !current) throw notFound();
    const edit = canEditDocuments(actor);
    // A version on a live route, or signed on a completed one, is not replaced (DOC-5, lib/signatures/frozen.ts).
    const frozen = await db.signatureRoute.findFirst({
      where: { documentId: document.id, OR: [{ status: "ACTIVE" }, { status: "COMPLETED", purpose: "SIGNATURE" }] },
      select: { id: true },
    });
    const { versions, ...rest } = document;
    return {
      ...rest,
      versions: versions.map((v) => ({ ...v, size: Number(v.size) })),
      current: { ...current, size: Number(current.size) },
      canAddVersion: edit && ownsDirection(actor, document.direction) && document.status !== "ARCHIVED" && !frozen,
      canSend:
        actor.kind === "member" &&
        edit &&
        document.direction === "INTERNAL" &&
        document.status === "DRAFT" &&
        current.scanStatus !== "PENDING" &&
        document.partner.outsourcingCompanyId !== null,
      canArchive: actor.kind === "member" && edit && document.direction === "INTERNAL" && document.status === "DRAFT",
      maxUploadBytes: env().UPLOAD_MAX_MB * MIB,
    };
  },
});

/** Before an upload reads a byte: may the actor upload here, and how much room is left. */
export const uploadTargetLoader = defineLoader({
  name: "documents.uploadTarget",
  access: DOCUMENTS_EDIT,
  input: z.object({ partnerId: z.uuid().optional(), documentId: z.uuid().optional() }),
  async load({ input, db, actor }) {
    let partnerId: string;
    if (input.documentId) {
      const document = await db.document.findFirst({
        where: { id: input.documentId, ...visibleDocuments(actor) },
        select: { partnerId: true, direction: true, status: true },
      });
      if (!document || !ownsDirection(actor, document.direction) || document.status === "ARCHIVED") throw notFound();
      partnerId = document.partnerId;
    } else if (actor.kind === "member") {
      partnerId = actor.partnerId;
    } else {
      if (!input.partnerId || !actor.partnerIds.includes(input.partnerId)) throw notFound();
      partnerId = input.partnerId;
    }
    const partner = await db.partner.findUnique({
      where: { id: partnerId },
      select: { storageUsedBytes: true, storageLimitMb: true },
    });
    if (!partner) throw notFound();
    const usage = usageOf({ ...partner, storageLimitMb: (await readPlanLimits(db, partnerId, now())).storageMb });
    return { partnerId, remainingBytes: Math.max(0, usage.limitBytes - usage.usedBytes) };
  },
});

/** A version's file for the further byte ranges of an opening already recorded. */
export const documentFileLoader = defineLoader({
  name: "documents.file",
  access: DOCUMENTS_VIEW,
  input: z.object({ documentId: z.uuid(), versionId: z.uuid().optional() }),
  async load({ input, db, actor }) {
    const document = await db.document.findFirst({
      where: { id: input.documentId, ...visibleDocuments(actor) },
      select: { id: true, currentVersionId: true },
    });
    if (!document) throw notFound();
    const version = await db.documentVersion.findFirst({
      where: {
        documentId: document.id,
        id: input.versionId ?? document.currentVersionId ?? undefined,
        AND: [visibleVersions(actor)],
      },
      select: { storageKey: true, originalName: true, mime: true, size: true, sha256: true },
    });
    if (!version) throw notFound();
    return { ...version, size: Number(version.size) };
  },
});
