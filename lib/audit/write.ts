import { now } from "@/lib/clock";
import { prismaSql, type Sql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "./events";
import { GENESIS_HASH, auditHash } from "./hash";

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
  /** Before/after values and reasons; never secrets or codes. */
  details?: Record<string, unknown> | null;
}

/**
 * Chain of an event: its Partner's, else its person's or phone's. Many short chains instead of
 * one platform-wide chain keep unrelated logins from queueing behind one lock.
 */
export function chainKeyOf(entry: AuditEntry): string {
  if (entry.partnerId) return `partner:${entry.partnerId}`;
  if (entry.actorPersonId) return `person:${entry.actorPersonId}`;
  if (entry.actorPhone) return `phone:${entry.actorPhone}`;
  return "platform";
}

/** A chain's last position, as locked by the caller's transaction. */
export interface ChainHead {
  chainKey: string;
  seq: number;
  hash: string;
}

/**
 * Locks a chain's head row for the rest of the transaction (the no-op upsert takes its row lock,
 * creating the row if needed) and returns the chain's last position.
 */
export async function lockChainHead(sql: Sql, chainKey: string): Promise<ChainHead> {
  const [head] = await sql.query<{ seq: number; hash: string }>(
    `INSERT INTO audit_chain_head ("chainKey", seq, hash) VALUES ($1, 0, $2)
     ON CONFLICT ("chainKey") DO UPDATE SET seq = audit_chain_head.seq
     RETURNING seq, hash`,
    [chainKey, GENESIS_HASH],
  );
  if (!head) throw new Error(`audit chain head missing for ${chainKey}`);
  return { chainKey, ...head };
}

/**
 * The audit rows of one chain as CTE fragments (`audit_rows AS (INSERT …), audit_head AS (UPDATE …)`)
 * with their parameters numbered from `offset + 1`, so a hot path can append its record to the
 * statement that makes its change. The head must be locked by the caller's transaction.
 */
export function auditStatement(
  entries: AuditEntry[],
  lockedHead: ChainHead,
  offset = 0,
): { ctes: string; values: unknown[]; head: ChainHead } {
  const chainKey = lockedHead.chainKey;
  if (entries.some((e) => chainKeyOf(e) !== chainKey))
    throw new Error("audit entries written together must share their chain");
  let head = lockedHead;
  const values: unknown[] = [];
  const rows: string[] = [];
  for (const entry of entries) {
    const details = entry.details ? (JSON.parse(JSON.stringify(entry.details)) as Record<string, unknown>) : null;
    const row = {
      chainKey,
      seq: head.seq + 1,
      prevHash: head.hash,
      createdAt: now(),
      partnerId: entry.partnerId ?? null,
      actorPersonId: entry.actorPersonId ?? null,
      actorRole: entry.actorRole ?? null,
      actorPhone: entry.actorPhone ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
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
    head = { chainKey, seq: row.seq, hash };
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
  const statement = auditStatement(list, head);
  await sql.query(`WITH ${statement.ctes} SELECT 1`, statement.values);
  return statement.head;
}
