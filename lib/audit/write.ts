import { now } from "@/lib/clock";
import { prismaSql, type Sql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "./events";
import { GENESIS_HASH, auditHash } from "./hash";
import {
  PersonalValue,
  ensureSubjectKeys,
  freshKey,
  phoneSubject,
  seal,
  subjectKeyUpsert,
  type SubjectKeys,
} from "./personal-data";

export interface AuditEntry {
  action: AuditAction;
  outcome: "SUCCESS" | "DENIED" | "FAILURE";
  partnerId?: string | null;
  actorPersonId?: string | null;
  actorRole?: string | null;
  actorPhone?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  /**
   * Before/after values and reasons; never secrets or codes. References (person, Partner,
   * invitation ids) instead of names and phones; a person's own values wrapped in `personal()`.
   */
  details?: Record<string, unknown> | null;
}

/**
 * Chain of an event: its Partner's, else its person's or phone's (by the phone's pseudonym, which
 * is also the subject its sealed values belong to). Many short chains instead of one
 * platform-wide chain keep unrelated logins from queueing behind one lock.
 */
export function chainKeyOf(entry: AuditEntry): string {
  if (entry.partnerId) return `partner:${entry.partnerId}`;
  if (entry.actorPersonId) return `person:${entry.actorPersonId}`;
  if (entry.actorPhone) return phoneSubject(entry.actorPhone);
  return "platform";
}

/** A chain's last position, as locked by the caller's transaction. */
export interface ChainHead {
  chainKey: string;
  seq: number;
  hash: string;
  /** The personal-data key of a phone chain's subject, fetched with the lock. */
  subjectKey?: Buffer;
}

const isPhoneChain = (chainKey: string) => chainKey.startsWith("phone:");

/**
 * Locks a chain's head row for the rest of the transaction (the no-op upsert takes its row lock,
 * creating the row if needed) and returns the chain's last position; for a phone chain, with its
 * subject's key in the same statement.
 */
export async function lockChainHead(sql: Sql, chainKey: string): Promise<ChainHead> {
  const upsertHead = `INSERT INTO audit_chain_head ("chainKey", seq, hash) VALUES ($1, 0, $2)
       ON CONFLICT ("chainKey") DO UPDATE SET seq = audit_chain_head.seq
       RETURNING seq, hash`;
  const [head] = isPhoneChain(chainKey)
    ? await sql.query<{ seq: number; hash: string; key: string }>(
        `WITH head AS (${upsertHead}), subject_key AS (${subjectKeyUpsert("$1", "$3", "$4")})
         SELECT head.seq, head.hash, subject_key.key FROM head, subject_key`,
        [chainKey, GENESIS_HASH, freshKey(), now()],
      )
    : await sql.query<{ seq: number; hash: string; key?: undefined }>(upsertHead, [chainKey, GENESIS_HASH]);
  if (!head) throw new Error(`audit chain head missing for ${chainKey}`);
  const subjectKey = head.key ? { subjectKey: Buffer.from(head.key, "base64") } : {};
  return { chainKey, seq: head.seq, hash: head.hash, ...subjectKey };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value));

/** Subjects whose keys the entries need: phones kept without a person, and `personal()` values. */
export function personalSubjects(entries: AuditEntry[]): string[] {
  const subjects = new Set<string>();
  const walk = (value: unknown): void => {
    if (value instanceof PersonalValue) subjects.add(value.subject);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (isPlainObject(value)) Object.values(value).forEach(walk);
  };
  for (const entry of entries) {
    if (entry.actorPhone && !entry.actorPersonId) subjects.add(phoneSubject(entry.actorPhone));
    if (entry.targetType === "phone" && entry.targetId) subjects.add(phoneSubject(entry.targetId));
    walk(entry.details);
  }
  return [...subjects];
}

function keysWith(head: ChainHead, keys: SubjectKeys | undefined): SubjectKeys {
  const all = new Map(keys);
  if (head.subjectKey) all.set(head.chainKey, head.subjectKey);
  return all;
}

function sealWith(keys: SubjectKeys) {
  const sealValue = (subject: string, value: unknown) => {
    const key = keys.get(subject);
    if (!key) throw new Error(`personal-data key of ${subject} not fetched`);
    return seal(subject, key, value);
  };
  const details = (value: unknown): unknown => {
    if (value instanceof PersonalValue) return sealValue(value.subject, value.value);
    if (Array.isArray(value)) return value.map(details);
    if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, details(v)]));
    return value;
  };
  return { phone: (phone: string) => sealValue(phoneSubject(phone), phone), details };
}

/**
 * The audit rows of one chain as CTE fragments (`audit_rows AS (INSERT …), audit_head AS (UPDATE …)`)
 * with their parameters numbered from `offset + 1`, so a hot path can append its record to the
 * statement that makes its change. The head must be locked by the caller's transaction. Personal
 * values are sealed here, so callers pass plain ones: the keys come from the head (a phone chain's
 * own) or `keys` (see personalSubjects).
 */
export function auditStatement(
  entries: AuditEntry[],
  lockedHead: ChainHead,
  offset = 0,
  keys?: SubjectKeys,
): { ctes: string; values: unknown[]; head: ChainHead } {
  const chainKey = lockedHead.chainKey;
  if (entries.some((e) => chainKeyOf(e) !== chainKey))
    throw new Error("audit entries written together must share their chain");
  const sealed = sealWith(keysWith(lockedHead, keys));
  let head = lockedHead;
  const values: unknown[] = [];
  const rows: string[] = [];
  for (const entry of entries) {
    const details = entry.details
      ? (JSON.parse(JSON.stringify(sealed.details(entry.details))) as Record<string, unknown>)
      : null;
    // A person is named by id (looked up when shown); only a phone without a person is kept, sealed.
    const actorPhone = entry.actorPhone && !entry.actorPersonId ? sealed.phone(entry.actorPhone) : null;
    const targetId = entry.targetType === "phone" && entry.targetId ? sealed.phone(entry.targetId) : entry.targetId;
    const row = {
      chainKey,
      seq: head.seq + 1,
      prevHash: head.hash,
      createdAt: now(),
      partnerId: entry.partnerId ?? null,
      actorPersonId: entry.actorPersonId ?? null,
      actorRole: entry.actorRole ?? null,
      actorPhone,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: targetId ?? null,
      outcome: entry.outcome,
      ip: entry.ip ?? null,
      userAgent: entry.userAgent ?? null,
      requestId: entry.requestId ?? null,
      details,
    };
    const hash = auditHash(row);
    const p = (i: number) => `$${offset + values.length + i}`;
    rows.push(
      `(${p(1)}, ${p(2)}::int, ${p(3)}, ${p(4)}, ${p(5)}::timestamp(3), ${p(6)}::uuid, ${p(7)}::uuid, ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}, ${p(12)}, ${p(13)}::"AuditOutcome", ${p(14)}, ${p(15)}, ${p(16)}, ${p(17)}::jsonb)`,
    );
    values.push(
      row.chainKey,
      row.seq,
      row.prevHash,
      hash,
      row.createdAt,
      row.partnerId,
      row.actorPersonId,
      row.actorRole,
      row.actorPhone,
      row.action,
      row.targetType,
      row.targetId,
      row.outcome,
      row.ip,
      row.userAgent,
      row.requestId,
      details ? JSON.stringify(details) : null,
    );
    head = { ...head, seq: row.seq, hash };
  }
  const n = offset + values.length;
  values.push(chainKey, head.seq, head.hash);
  const ctes = `audit_rows AS (
       INSERT INTO audit_event ("chainKey", seq, "prevHash", hash, "createdAt", "partnerId", "actorPersonId", "actorRole", "actorPhone",
                                action, "targetType", "targetId", outcome, ip, "userAgent", "requestId", details)
       VALUES ${rows.join(", ")}
     ), audit_head AS (
       UPDATE audit_chain_head SET seq = $${n + 2}::int, hash = $${n + 3} WHERE "chainKey" = $${n + 1}
     )`;
  return { ctes, values, head };
}

/**
 * Appends audit rows of one chain inside the caller's transaction, so the change and its record
 * commit or roll back together. The chain head is locked, giving each chain one gap-free
 * sequence; a caller that already holds the head passes it and gets the new one back.
 */
export async function writeAudit(
  tx: Prisma.TransactionClient | Sql,
  entries: AuditEntry | AuditEntry[],
  lockedHead?: ChainHead,
): Promise<ChainHead> {
  const sql = "$queryRawUnsafe" in tx ? prismaSql(tx) : tx;
  const list = Array.isArray(entries) ? entries : [entries];
  const chainKey = chainKeyOf(list[0]!);
  const head = lockedHead?.chainKey === chainKey ? lockedHead : await lockChainHead(sql, chainKey);
  const missing = personalSubjects(list).filter((s) => !(s === head.chainKey && head.subjectKey));
  const statement = auditStatement(list, head, 0, await ensureSubjectKeys(sql, missing));
  await sql.query(`WITH ${statement.ctes} SELECT 1`, statement.values);
  return statement.head;
}
