import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { almatyDayEndUtc, almatyDayStartUtc } from "./almaty-time";
import type { AuditLogCursor, AuditLogFilters } from "./log-filters";
import { describeAuditRows, type AuditLogRow } from "./log-names";
import { checkAgainstCheckpoint, verifyChain } from "./verify";

export type { AuditLogRow } from "./log-names";

export interface AuditLogPage {
  rows: AuditLogRow[];
  /** Where the next page starts, or null on the last page. */
  nextCursor: AuditLogCursor | null;
  /** The person filter named someone who never was a member of this Partner. */
  unknownPerson: boolean;
}

export const MAX_PAGE = 1000;

/** The columns a log shows of a stored row (the Partner's log and the operators' search alike). */
export const STORED_ROW_SELECT = {
  id: true,
  createdAt: true,
  actorPersonId: true,
  actorRole: true,
  actorPhone: true,
  action: true,
  targetType: true,
  targetId: true,
  outcome: true,
  ip: true,
} as const satisfies Prisma.AuditEventSelect;

/**
 * Rows after a keyset cursor in (createdAt, id) descending order. `createdAt <= c` bounds the index
 * range; the OR only sorts out rows sharing that instant.
 */
export function keysetAfter(cursor: AuditLogCursor | null): Prisma.AuditEventWhereInput {
  return cursor
    ? {
        AND: [
          { createdAt: { lte: cursor.createdAt } },
          { OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] },
        ],
      }
    : {};
}

/**
 * Whether someone is or was a member of the Partner (a former employee's actions stay searchable).
 * A page that already lists the Partner's members passes a check against that list.
 */
export type MemberCheck = (personId: string) => Promise<boolean>;

/**
 * The WHERE of a Partner's audit search. The Partner always comes from the actor; the person
 * filter is checked against this Partner's memberships by the callers, so a foreign person finds
 * nothing.
 */
function whereFor(partnerId: string, filters: AuditLogFilters): Prisma.AuditEventWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.from) createdAt.gte = almatyDayStartUtc(filters.from);
  if (filters.to) createdAt.lt = almatyDayEndUtc(filters.to);
  return {
    partnerId,
    ...(filters.person ? { actorPersonId: filters.person } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.targetType ? { targetType: filters.targetType } : {}),
    ...(filters.from || filters.to ? { createdAt } : {}),
  };
}

/** True unless the person filter names someone who never was a member of this Partner. */
function personIsMember(
  db: PrismaClient,
  partnerId: string,
  filters: AuditLogFilters,
  isMember?: MemberCheck,
): Promise<boolean> {
  if (!filters.person) return Promise.resolve(true);
  return isMember ? isMember(filters.person) : isPartnerMember(db, partnerId, filters.person);
}

/** Any membership, revoked ones too: a former employee's actions stay searchable. */
async function isPartnerMember(db: PrismaClient, partnerId: string, personId: string): Promise<boolean> {
  return (await db.membership.count({ where: { partnerId, personId } })) > 0;
}

/**
 * One page of a Partner's audit events, newest first, paged by (createdAt, id) so deep pages cost
 * the same as the first (never OFFSET). Names of people and objects come from one query per kind
 * for the whole page. The person filter's membership is checked beside the search, not before it:
 * a foreign person's rows are thrown away unseen.
 */
export async function listPartnerAuditEvents(
  db: PrismaClient,
  partnerId: string,
  filters: AuditLogFilters,
  cursor: AuditLogCursor | null,
  limit = 25,
  isMember?: MemberCheck,
): Promise<AuditLogPage> {
  const take = Math.min(Math.max(Math.trunc(limit) || 1, 1), MAX_PAGE);
  const where = whereFor(partnerId, filters);
  const after = keysetAfter(cursor);
  const [member, events] = await Promise.all([
    personIsMember(db, partnerId, filters, isMember),
    db.auditEvent.findMany({
      where: { AND: [where, after] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: take + 1,
      select: STORED_ROW_SELECT,
    }),
  ]);
  if (!member) return { rows: [], nextCursor: null, unknownPerson: true };
  const page = events.slice(0, take);
  const last = page.at(-1);
  return {
    rows: await describeAuditRows(db, partnerId, page),
    nextCursor: events.length > take && last ? { createdAt: last.createdAt, id: last.id } : null,
    unknownPerson: false,
  };
}

/** How many events match, for the one-person report header. */
export async function countPartnerAuditEvents(
  db: PrismaClient,
  partnerId: string,
  filters: AuditLogFilters,
  isMember?: MemberCheck,
): Promise<number> {
  const [member, count] = await Promise.all([
    personIsMember(db, partnerId, filters, isMember),
    db.auditEvent.count({ where: whereFor(partnerId, filters) }),
  ]);
  return member ? count : 0;
}

export interface PartnerMemberOption {
  personId: string;
  name: string;
  role: string;
  active: boolean;
}

/**
 * Everyone who is or was a member of the Partner: the person filter's choices. One statement with
 * the names joined (Prisma would fetch the people in a second one); the Partner is the actor's.
 */
export async function listPartnerMembers(db: PrismaClient, partnerId: string): Promise<PartnerMemberOption[]> {
  const rows = await db.$queryRaw<{ personId: string; name: string; role: string; status: string }[]>`
    SELECT m."personId"::text AS "personId", p.name, m.role::text AS role, m.status::text AS status
      FROM membership m JOIN person p ON p.id = m."personId"
     WHERE m."partnerId" = ${partnerId}::uuid
     ORDER BY m.status ASC, p.name ASC`;
  return rows.map((m) => ({ personId: m.personId, name: m.name, role: m.role, active: m.status === "ACTIVE" }));
}

/** A member of this Partner by id, or null (a foreign id is "not found"). */
export async function findPartnerMember(
  db: PrismaClient,
  partnerId: string,
  personId: string,
): Promise<PartnerMemberOption | null> {
  const m = await db.membership.findFirst({
    where: { partnerId, personId },
    select: { personId: true, role: true, status: true, person: { select: { name: true } } },
  });
  return m ? { personId: m.personId, name: m.person.name, role: m.role, active: m.status === "ACTIVE" } : null;
}

/**
 * The object types this Partner's log holds: a loose index scan over (partnerId, targetType, …),
 * one index probe per distinct type instead of reading every event.
 */
export async function listPartnerTargetTypes(db: PrismaClient, partnerId: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ targetType: string }[]>(
    `WITH RECURSIVE t AS (
       (SELECT "targetType" FROM audit_event WHERE "partnerId" = $1::uuid AND "targetType" IS NOT NULL ORDER BY "targetType" LIMIT 1)
       UNION ALL
       SELECT (SELECT e."targetType" FROM audit_event e WHERE e."partnerId" = $1::uuid AND e."targetType" > t."targetType" ORDER BY e."targetType" LIMIT 1)
       FROM t WHERE t."targetType" IS NOT NULL
     ) SELECT "targetType" FROM t WHERE "targetType" IS NOT NULL`,
    partnerId,
  );
  return rows.map((r) => r.targetType);
}

/**
 * The integrity of the Partner's chain: null when intact, else the first broken position. Also
 * compared with the newest checkpoint's record of the chain, so a re-hashed or shortened chain
 * shows too; checking that checkpoint's signature (all chains) is left to `npm run audit:verify`.
 */
export async function verifyPartnerChain(
  db: PrismaClient,
  partnerId: string,
): Promise<{ events: number; brokenAt: number | null }> {
  const chainKey = `partner:${partnerId}`;
  const result = await verifyChain(db, chainKey);
  if (result.firstBreak) return { events: result.events, brokenAt: result.firstBreak.seq };
  const latest = await db.auditCheckpoint.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const anchored = latest ? await checkAgainstCheckpoint(db, latest.id, [chainKey]) : null;
  return { events: result.events, brokenAt: anchored ? anchored.seq : null };
}
