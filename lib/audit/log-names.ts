import type { PrismaClient } from "@/lib/generated/prisma/client";
import { prismaSql } from "@/lib/db/sql";
import { isSealed, openSealed, readSubjectKeys, sealedSubject } from "./personal-data";

/** An audit row as stored, with the fields the log shows. */
export interface StoredAuditRow {
  id: bigint;
  createdAt: Date;
  actorPersonId: string | null;
  actorRole: string | null;
  actorPhone: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: "SUCCESS" | "DENIED" | "FAILURE";
  ip: string | null;
}

/** A row as the log shows it: people and objects by name, sealed values opened or marked erased. */
export interface AuditLogRow extends StoredAuditRow {
  actorName: string | null;
  /** The object's name at display time (person, member, invitee, company), when it has one. */
  targetName: string | null;
  /** The phone of an actor without a person, or the target phone, was erased (its key is gone). */
  actorPhoneErased: boolean;
  targetErased: boolean;
}

const byId = <T extends { id: string }>(rows: T[], name: (row: T) => string) =>
  new Map(rows.map((r) => [r.id, name(r)]));

const uuids = (list: string[]) => list.filter((id) => /^[0-9a-f-]{36}$/i.test(id));

/** Ids of the page's objects of one type. */
const targetIds = (rows: StoredAuditRow[], type: string) => [
  ...new Set(rows.filter((r) => r.targetType === type && r.targetId).map((r) => r.targetId!)),
];

/**
 * Names of the page's people, actors and person objects alike, in one query (a page about one
 * person would otherwise look them up twice).
 */
async function personNames(db: PrismaClient, rows: StoredAuditRow[]): Promise<Map<string, string>> {
  const actorIds = rows.map((e) => e.actorPersonId).filter((id): id is string => id !== null);
  const ids = [...new Set([...actorIds, ...uuids(targetIds(rows, "person"))])];
  if (!ids.length) return new Map();
  return byId(
    await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    (p) => p.name,
  );
}

/**
 * Names for the objects of a page of a log other than people, one query per kind. In a Partner's
 * log, memberships and invitations are looked up within this Partner only, so a row can never
 * reveal another's data; `null` is the operators' platform-wide search, which reaches every Partner.
 */
async function targetNames(
  db: PrismaClient,
  partnerId: string | null,
  rows: StoredAuditRow[],
): Promise<Map<string, string>> {
  const ids = (type: string) => targetIds(rows, type);
  const within = partnerId ? { partnerId } : {};
  const partnerIds = partnerId ? ids("partner").filter((id) => id === partnerId) : uuids(ids("partner"));
  const [memberships, invitations, partners] = await Promise.all([
    uuids(ids("membership")).length
      ? db.membership.findMany({
          where: { ...within, id: { in: uuids(ids("membership")) } },
          select: { id: true, person: { select: { name: true } } },
        })
      : [],
    uuids(ids("invitation")).length
      ? db.invitation.findMany({
          where: { ...within, id: { in: uuids(ids("invitation")) } },
          select: { id: true, name: true },
        })
      : [],
    partnerIds.length
      ? db.partner.findMany({ where: { id: { in: partnerIds } }, select: { id: true, name: true } })
      : [],
  ]);
  return new Map([
    ...byId(memberships, (m) => m.person.name),
    ...byId(invitations, (i) => i.name),
    ...byId(partners, (p) => p.name),
  ]);
}

/** Opens the sealed values of a page with the keys that still exist (erased ones are absent). */
async function opener(db: PrismaClient, rows: StoredAuditRow[]) {
  const subjects = rows
    .flatMap((r) => [r.actorPhone, r.targetId])
    .filter(isSealed)
    .map((s) => sealedSubject(s))
    .filter((s): s is string => s !== null);
  const keys = subjects.length ? await readSubjectKeys(prismaSql(db), subjects) : new Map();
  return (value: string | null): { text: string | null; erased: boolean } => {
    if (!isSealed(value)) return { text: value, erased: false };
    const opened = openSealed(value, keys);
    return "erased" in opened ? { text: null, erased: true } : { text: String(opened.value), erased: false };
  };
}

/**
 * A page of stored rows as the log shows them: a few small lookups for the whole page, none when
 * empty. `partnerId` confines the lookups to one Partner's log; null for the platform-wide search.
 */
export async function describeAuditRows(
  db: PrismaClient,
  partnerId: string | null,
  rows: StoredAuditRow[],
): Promise<AuditLogRow[]> {
  const [names, others, open] = await Promise.all([
    personNames(db, rows),
    targetNames(db, partnerId, rows),
    opener(db, rows),
  ]);
  const targets = (row: StoredAuditRow) =>
    row.targetType === "person" ? names.get(row.targetId!) : others.get(row.targetId!);
  return rows.map((row) => {
    const phone = open(row.actorPhone);
    const target = open(row.targetId);
    return {
      ...row,
      actorName: row.actorPersonId ? (names.get(row.actorPersonId) ?? null) : null,
      actorPhone: phone.text,
      actorPhoneErased: phone.erased,
      targetId: target.text,
      targetErased: target.erased,
      targetName: row.targetId ? (targets(row) ?? null) : null,
    };
  });
}
