import { z } from "zod";
import { env } from "@/lib/env";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { normalizePhone } from "@/lib/validation/phone";
import { almatyDayEndUtc, almatyDayStartUtc } from "./almaty-time";
import { BOM, CSV_BATCH, csvCells, csvHeaderCells, csvLine } from "./log-csv";
import {
  auditLogFilterSchema,
  decodeCursor,
  readSearchParam,
  type AuditLogCursor,
  type SearchParamsInput,
} from "./log-filters";
import { describeAuditRows, type AuditLogRow } from "./log-names";
import { MAX_PAGE, STORED_ROW_SELECT, keysetAfter } from "./log-queries";
import { phoneSubject } from "./personal-data";

/**
 * The operators' search over every chain of the audit log (AUD-*, OPS-4): the Partner's own log
 * (log-queries.ts) without the Partner, plus filters by Partner, outcome, actor and address.
 */
export interface PlatformAuditFilters {
  /** A Partner's name (part of it) or BIN/IIN. */
  partner?: string;
  action?: string;
  outcome?: "SUCCESS" | "DENIED" | "FAILURE";
  from?: string;
  to?: string;
  /** A phone, a person's id, or part of a name. */
  actor?: string;
  ip?: string;
}

const text = z.string().trim().min(1).max(100);

/** One schema per URL parameter, as for a Partner's log: a bad value drops only itself. */
export const platformAuditFilterSchema = z.object({
  partner: text,
  action: auditLogFilterSchema.shape.action,
  outcome: z.enum(["SUCCESS", "DENIED", "FAILURE"]),
  from: auditLogFilterSchema.shape.from,
  to: auditLogFilterSchema.shape.to,
  actor: text,
  ip: z.union([z.ipv4(), z.ipv6()]),
});

type FilterKey = keyof typeof platformAuditFilterSchema.shape;
export const PLATFORM_FILTER_KEYS = Object.keys(platformAuditFilterSchema.shape) as FilterKey[];

export interface ParsedPlatformSearch {
  filters: PlatformAuditFilters;
  cursor: AuditLogCursor | null;
  ignored: string[];
  reversedTo: string | null;
}

/** Reads the filters and the page cursor from URL search parameters; never throws. */
export function parsePlatformAuditSearch(params: SearchParamsInput): ParsedPlatformSearch {
  const filters: Record<string, string> = {};
  const ignored: string[] = [];
  for (const key of PLATFORM_FILTER_KEYS) {
    const value = readSearchParam(params, key);
    if (value === undefined) continue;
    const parsed = platformAuditFilterSchema.shape[key].safeParse(value);
    if (parsed.success) filters[key] = parsed.data;
    else ignored.push(key);
  }
  let reversedTo: string | null = null;
  if (filters.from && filters.to && filters.from > filters.to) {
    reversedTo = filters.to;
    delete filters.to;
  }
  const rawCursor = readSearchParam(params, "cursor");
  const cursor = rawCursor ? decodeCursor(rawCursor) : null;
  if (rawCursor && !cursor) ignored.push("cursor");
  return { filters: filters as PlatformAuditFilters, cursor, ignored, reversedTo };
}

/** The filters as URL search parameters (next page, CSV link). */
export function platformFiltersToSearchParams(
  filters: PlatformAuditFilters,
  extra: Record<string, string | undefined> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of PLATFORM_FILTER_KEYS) if (filters[key]) params.set(key, filters[key]!);
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return params;
}

/** How many Partners or people a name search may stand for. */
const MATCH_LIMIT = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function partnerIdsFor(db: PrismaClient, q: string): Promise<string[]> {
  const rows = await db.partner.findMany({
    where: /^\d{12}$/.test(q) ? { taxId: q } : { name: { contains: q, mode: "insensitive" } },
    select: { id: true },
    take: MATCH_LIMIT,
  });
  return rows.map((r) => r.id);
}

/**
 * Who the actor filter means: a phone (the person with that number and the phone's own chain,
 * where attempts of a number without a person are kept), a person's id, or people by name.
 */
async function actorFilterFor(db: PrismaClient, q: string): Promise<Prisma.AuditEventWhereInput | null> {
  if (UUID.test(q)) return { actorPersonId: q };
  const phone = normalizePhone(q, env().PHONE_ALLOWED_COUNTRIES);
  if (phone) {
    const person = await db.person.findUnique({ where: { phone }, select: { id: true } });
    return { OR: [...(person ? [{ actorPersonId: person.id }] : []), { chainKey: phoneSubject(phone) }] };
  }
  const people = await db.person.findMany({
    where: { name: { contains: q, mode: "insensitive" } },
    select: { id: true },
    take: MATCH_LIMIT,
  });
  return people.length ? { actorPersonId: { in: people.map((p) => p.id) } } : null;
}

export interface PlatformAuditRow extends AuditLogRow {
  partnerId: string | null;
  partnerName: string | null;
  partnerTaxId: string | null;
}

export interface PlatformAuditPage {
  rows: PlatformAuditRow[];
  nextCursor: AuditLogCursor | null;
  /** The Partner filter matched no Partner. */
  unknownPartner: boolean;
  /** The actor filter matched nobody. */
  unknownActor: boolean;
}

/**
 * One page of every chain's events, newest first, by (createdAt, id): never OFFSET, so a deep
 * page costs what the first does. Partner and actor filters are resolved to ids first.
 */
export async function listPlatformAuditEvents(
  db: PrismaClient,
  filters: PlatformAuditFilters,
  cursor: AuditLogCursor | null,
  limit = 25,
): Promise<PlatformAuditPage> {
  const take = Math.min(Math.max(Math.trunc(limit) || 1, 1), MAX_PAGE);
  const [partnerIds, actor] = await Promise.all([
    filters.partner ? partnerIdsFor(db, filters.partner) : null,
    filters.actor ? actorFilterFor(db, filters.actor) : undefined,
  ]);
  const unknownPartner = partnerIds !== null && partnerIds.length === 0;
  const unknownActor = actor === null;
  if (unknownPartner || unknownActor) return { rows: [], nextCursor: null, unknownPartner, unknownActor };
  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.from) createdAt.gte = almatyDayStartUtc(filters.from);
  if (filters.to) createdAt.lt = almatyDayEndUtc(filters.to);
  const where: Prisma.AuditEventWhereInput[] = [
    partnerIds ? { partnerId: { in: partnerIds } } : {},
    filters.action ? { action: filters.action } : {},
    filters.outcome ? { outcome: filters.outcome } : {},
    filters.from || filters.to ? { createdAt } : {},
    filters.ip ? { ip: filters.ip } : {},
    actor ?? {},
    keysetAfter(cursor),
  ];
  const events = await db.auditEvent.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: { ...STORED_ROW_SELECT, partnerId: true },
  });
  const page = events.slice(0, take);
  const last = page.at(-1);
  const ids = [...new Set(page.map((e) => e.partnerId).filter((id): id is string => id !== null))];
  const [described, partners] = await Promise.all([
    describeAuditRows(db, null, page),
    ids.length
      ? db.partner.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, taxId: true } })
      : [],
  ]);
  const byId = new Map(partners.map((p) => [p.id, p]));
  return {
    rows: described.map((row, i) => {
      const partnerId = page[i]!.partnerId;
      const partner = partnerId ? byId.get(partnerId) : undefined;
      return { ...row, partnerId, partnerName: partner?.name ?? null, partnerTaxId: partner?.taxId ?? null };
    }),
    nextCursor: events.length > take && last ? { createdAt: last.createdAt, id: last.id } : null,
    unknownPartner: false,
    unknownActor: false,
  };
}

/**
 * The filtered platform log as a UTF-8 CSV stream with a BOM, batch by batch (memory holds one
 * batch); the Partner's columns come last. Cells are neutralised like the Partner's export.
 */
export function platformAuditCsvStream(
  db: PrismaClient,
  filters: PlatformAuditFilters,
  locale: string,
  batch = CSV_BATCH,
): ReadableStream<Uint8Array> {
  const t = translator(locale);
  const encoder = new TextEncoder();
  let cursor: AuditLogCursor | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        const header = [...csvHeaderCells(t), t("platformAudit.csvPartner"), t("platformAudit.csvPartnerTaxId")];
        controller.enqueue(encoder.encode(BOM + csvLine(header)));
        return;
      }
      const page = await listPlatformAuditEvents(db, filters, cursor, batch);
      const lines = page.rows.map((r) => csvLine([...csvCells(r, t, locale), r.partnerName, r.partnerTaxId]));
      if (lines.length) controller.enqueue(encoder.encode(lines.join("")));
      cursor = page.nextCursor;
      if (!cursor) controller.close();
    },
  });
}
