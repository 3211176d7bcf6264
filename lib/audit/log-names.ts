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

/**
 * Names for the objects of a page of the Partner's log, one query per kind. Memberships and
 * invitations are looked up within this Partner only, so a row can never reveal another's data.
 */
async function targetNames(db: PrismaClient, partnerId: string, rows: StoredAuditRow[]): Promise<Map<string, string>> {
  const ids = (type: string) => [
    ...new Set(rows.filter((r) => r.targetType === type && r.targetId).map((r) => r.targetId!)),
  ];
  const uuids = (list: string[]) => list.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const [people, memberships, invitations, partners] = await Promise.all([
    uuids(ids("person")).length
      ? db.person.findMany({ where: { id: { in: uuids(ids("person")) } }, select: { id: true, name: true } })
      : [],
    uuids(ids("membership")).length
      ? db.membership.findMany({
          where: { partnerId, id: { in: uuids(ids("membership")) } },
          select: { id: true, person: { select: { name: true } } },
        })
      : [],
    uuids(ids("invitation")).length
      ? db.invitation.findMany({
          where: { partnerId, id: { in: uuids(ids("invitation")) } },
          select: { id: true, name: true },
        })
      : [],
    ids("partner").includes(partnerId)
      ? db.partner.findMany({ where: { id: partnerId }, select: { id: true, name: true } })
      : [],
  ]);
  return new Map([
    ...byId(people, (p) => p.name),
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

/** A page of stored rows as the log shows them: three small lookups for the whole page. */
export async function describeAuditRows(
  db: PrismaClient,
  partnerId: string,
  rows: StoredAuditRow[],
): Promise<AuditLogRow[]> {
  const actorIds = [...new Set(rows.map((e) => e.actorPersonId).filter((id): id is string => id !== null))];
  const [people, targets, open] = await Promise.all([
    actorIds.length ? db.person.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [],
    targetNames(db, partnerId, rows),
    opener(db, rows),
  ]);
  const names = byId(people, (p) => p.name);
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
      targetName: row.targetId ? (targets.get(row.targetId) ?? null) : null,
    };
  });
}
