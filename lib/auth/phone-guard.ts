import { GENESIS_HASH } from "@/lib/audit/hash";
import { freshKey, subjectKeyUpsert } from "@/lib/audit/personal-data";
import { auditStatement, chainKeyOf, writeAudit, type AuditEntry, type ChainHead } from "@/lib/audit/write";
import type { Sql } from "@/lib/db/sql";
import type { RequestMeta } from "./request-meta";

export interface Guard {
  failedCount: number;
  lockedUntil: Date | null;
  /** Hits of the per-IP counter named in the call, in its current window. */
  ipCount: number;
  /** The phone's audit chain, locked with the guard. */
  head: ChainHead;
  /** The newest open login code, when asked for (see lockPhoneGuard). */
  activeCode: { id: string; codeHash: string } | null;
  /** The number's person is blocked pending review (person_block): no code is sent or accepted. */
  blocked: boolean;
}

/** Audit fields shared by every login event of a phone. */
export function phoneAuditBase(phone: string, meta: RequestMeta) {
  return {
    actorPhone: phone,
    ip: meta.ip,
    userAgent: meta.userAgent,
    requestId: meta.requestId,
    targetType: "phone",
    targetId: phone,
  };
}

/**
 * Locks the phone's guard row and its audit chain for the rest of the transaction, and reads the
 * key that seals the phone in its audit rows (created on first use), in one statement (each no-op upsert takes its row lock, creating the row if needed). Every code
 * request and check of a phone passes through this row, so they run one at a time per phone on
 * every app instance: 50 parallel wrong codes are counted exactly. An expired lock is lifted here,
 * and the lift audited. The per-IP counter is read on the way, for the caller's throttle.
 *
 * With `withCode` the newest open login code is read in the same statement. That read may predate
 * a concurrent check of the same phone that waited on the lock first, so whoever consumes the code
 * must do so conditionally (see verifyLoginCode); failure counts come from the locked row and are
 * always current.
 */
export async function lockPhoneGuard(
  sql: Sql,
  phone: string,
  at: Date,
  meta: RequestMeta,
  ip?: { key: string; windowStart: Date },
  withCode = false,
): Promise<Guard> {
  const chainKey = chainKeyOf({ action: "auth.code_sent", outcome: "SUCCESS", actorPhone: phone });
  const [row] = await sql.query<{
    failedCount: number;
    lockedUntil: Date | null;
    seq: number;
    hash: string;
    subjectKey: string;
    ipCount: number | null;
    codeId: string | null;
    codeHash: string | null;
    blocked: boolean;
  }>(
    `WITH guard AS (
       INSERT INTO phone_guard (phone, "failedCount", "updatedAt") VALUES ($1, 0, $2::timestamp(3))
       ON CONFLICT (phone) DO UPDATE SET phone = EXCLUDED.phone
       RETURNING "failedCount", "lockedUntil"
     ), head AS (
       INSERT INTO audit_chain_head ("chainKey", seq, hash) VALUES ($3, 0, $4)
       ON CONFLICT ("chainKey") DO UPDATE SET seq = audit_chain_head.seq
       RETURNING seq, hash
     ), subject_key AS (${subjectKeyUpsert("$3", "$8", "$2")})
     SELECT guard."failedCount", guard."lockedUntil", head.seq, head.hash, subject_key.key AS "subjectKey",
            (SELECT count FROM rate_limit_bucket WHERE key = $5 AND "windowStart" = $6::timestamp(3)) AS "ipCount",
            code.id AS "codeId", code."codeHash",
            EXISTS (SELECT 1 FROM person p JOIN person_block b ON b."personId" = p.id WHERE p.phone = $1) AS blocked
     FROM guard, head, subject_key
     LEFT JOIN LATERAL (
       SELECT id, "codeHash" FROM otp_code
       WHERE $7::boolean AND phone = $1 AND purpose = 'LOGIN' AND "consumedAt" IS NULL AND "voidedAt" IS NULL AND "expiresAt" > $2::timestamp(3)
       ORDER BY "createdAt" DESC LIMIT 1
     ) code ON true`,
    [phone, at, chainKey, GENESIS_HASH, ip?.key ?? null, ip?.windowStart ?? at, withCode, freshKey()],
  );
  if (!row) throw new Error("phone guard row missing");
  const subjectKey = Buffer.from(row.subjectKey, "base64");
  let head: ChainHead = { chainKey, seq: row.seq, hash: row.hash, subjectKey };
  if (row.lockedUntil && row.lockedUntil <= at) {
    await sql.query(
      `UPDATE phone_guard SET "failedCount" = 0, "lockedUntil" = NULL, "updatedAt" = $2::timestamp(3) WHERE phone = $1`,
      [phone, at],
    );
    head = await writeAudit(
      sql,
      {
        ...phoneAuditBase(phone, meta),
        action: "auth.lock_lifted",
        outcome: "SUCCESS",
        details: { lockedUntil: row.lockedUntil.toISOString() },
      },
      head,
    );
    // The lock voided every open code, so there is none to return.
    return {
      failedCount: 0,
      lockedUntil: null,
      ipCount: row.ipCount ?? 0,
      head,
      activeCode: null,
      blocked: row.blocked,
    };
  }
  const activeCode = row.codeId && row.codeHash ? { id: row.codeId, codeHash: row.codeHash } : null;
  return {
    failedCount: row.failedCount,
    lockedUntil: row.lockedUntil,
    ipCount: row.ipCount ?? 0,
    head,
    activeCode,
    blocked: row.blocked,
  };
}

/**
 * Records a wrong code in one statement: the failure count, the per-IP counter, on the last
 * allowed try the lock itself (which also voids the phone's open codes), and the audit rows.
 */
export async function recordWrongCode(
  sql: Sql,
  phone: string,
  guard: Guard,
  at: Date,
  limits: { lockMs: number; maxWrong: number },
  audit: (result: { failedCount: number; lockedUntil: Date | null }) => AuditEntry[],
  ip?: { key: string; windowStart: Date },
): Promise<{ failedCount: number; lockedUntil: Date | null; head: ChainHead }> {
  const failedCount = guard.failedCount + 1;
  const lockedUntil = failedCount >= limits.maxWrong ? new Date(at.getTime() + limits.lockMs) : null;
  const values: unknown[] = [phone, failedCount, at, lockedUntil, ip?.key ?? null, ip?.windowStart ?? at];
  const record = auditStatement(audit({ failedCount, lockedUntil }), guard.head, values.length);
  await sql.query(
    `WITH guard AS (
       UPDATE phone_guard SET "failedCount" = $2, "lastFailureAt" = $3::timestamp(3), "lockedUntil" = $4::timestamp(3), "updatedAt" = $3::timestamp(3)
       WHERE phone = $1
     ), voided AS (
       UPDATE otp_code SET "voidedAt" = $3::timestamp(3)
       WHERE $4::timestamp(3) IS NOT NULL AND phone = $1 AND "consumedAt" IS NULL AND "voidedAt" IS NULL
     ), bucket AS (
       INSERT INTO rate_limit_bucket (key, "windowStart", count)
       SELECT $5, $6::timestamp(3), 1 WHERE $5::text IS NOT NULL
       ON CONFLICT (key, "windowStart") DO UPDATE SET count = rate_limit_bucket.count + 1
     ), ${record.ctes}
     SELECT 1`,
    [...values, ...record.values],
  );
  return { failedCount, lockedUntil, head: record.head };
}
