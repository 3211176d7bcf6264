import type { KeyObject } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { latestValidCheckpoint } from "./checkpoint";
import { GENESIS_HASH, auditHash } from "./hash";
import { auditVerifyKey } from "./signing-key";

export interface ChainBreak {
  chainKey: string;
  seq: number;
  eventId: string | null;
  /** The last two: the chain no longer holds the row a signed checkpoint recorded. */
  reason: "hash_mismatch" | "broken_link" | "sequence_gap" | "head_mismatch" | "deleted_tail" | "rewritten";
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  events: number;
  firstBreak: ChainBreak | null;
  /** The newest checkpoint whose signature verifies, which every chain was checked against. */
  checkpoint: { id: string; createdAt: Date } | null;
  /** Newer checkpoints whose signature or chain list does not verify: forged or altered. */
  invalidCheckpoints: string[];
}

const BATCH = 5_000;

/** Recomputes one chain from its first row; stops at the first broken link. */
export async function verifyChain(
  db: PrismaClient,
  chainKey: string,
): Promise<{ events: number; firstBreak: ChainBreak | null }> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let events = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { chainKey, seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const row of rows) {
      const at = { chainKey, seq: row.seq, eventId: row.id.toString() };
      if (row.seq !== expectedSeq) return { events, firstBreak: { ...at, seq: expectedSeq, reason: "sequence_gap" } };
      if (row.prevHash !== prevHash) return { events, firstBreak: { ...at, reason: "broken_link" } };
      if (auditHash({ ...row, details: row.details }) !== row.hash)
        return { events, firstBreak: { ...at, reason: "hash_mismatch" } };
      prevHash = row.hash;
      expectedSeq += 1;
      events += 1;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.auditChainHead.findUnique({ where: { chainKey } });
  if (!head || head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
    return { events, firstBreak: { chainKey, seq: expectedSeq, eventId: null, reason: "head_mismatch" } };
  }
  return { events, firstBreak: null };
}

/**
 * The first chain that no longer holds what a checkpoint recorded: its row at the recorded seq is
 * gone or the head is behind it (a deleted tail), or that row has another hash (rewritten).
 */
export async function checkAgainstCheckpoint(
  db: Pick<PrismaClient, "$queryRawUnsafe">,
  checkpointId: bigint,
  chainKeys?: string[],
): Promise<ChainBreak | null> {
  const [row] = await db.$queryRawUnsafe<
    { chainKey: string; seq: number; eventId: bigint | null; actual: string | null; headSeq: number | null }[]
  >(
    `SELECT c."chainKey", c.seq, e.id AS "eventId", e.hash AS actual, h.seq AS "headSeq"
     FROM audit_checkpoint_chain c
     LEFT JOIN audit_event e ON e."chainKey" = c."chainKey" AND e.seq = c.seq
     LEFT JOIN audit_chain_head h ON h."chainKey" = c."chainKey"
     WHERE c."checkpointId" = $1 AND ($2::text[] IS NULL OR c."chainKey" = ANY($2::text[]))
       AND (e.hash IS DISTINCT FROM c.hash OR h.seq IS NULL OR h.seq < c.seq)
     ORDER BY c."chainKey" LIMIT 1`,
    checkpointId,
    chainKeys ?? null,
  );
  if (!row) return null;
  const deleted = row.actual === null || row.headSeq === null || row.headSeq < row.seq;
  return {
    chainKey: row.chainKey,
    seq: row.seq,
    eventId: row.eventId === null ? null : row.eventId.toString(),
    reason: deleted ? "deleted_tail" : "rewritten",
  };
}

/**
 * Verifies every chain (or those given), naming the first broken link found, then checks them
 * against the newest checkpoint whose signature verifies with the public key: a chain re-hashed
 * or cut short by someone with database access still differs from what was signed.
 */
export async function verifyAuditChains(
  db: PrismaClient,
  chainKeys?: string[],
  key: KeyObject = auditVerifyKey(),
): Promise<VerifyResult> {
  const keys =
    chainKeys ??
    (await db.auditChainHead.findMany({ select: { chainKey: true }, orderBy: { chainKey: "asc" } })).map(
      (h) => h.chainKey,
    );
  const { checkpoint, invalid } = await latestValidCheckpoint(db, key);
  const anchors = {
    checkpoint: checkpoint ? { id: checkpoint.id.toString(), createdAt: checkpoint.createdAt } : null,
    invalidCheckpoints: invalid.map(String),
  };
  let events = 0;
  for (const chainKey of keys) {
    const result = await verifyChain(db, chainKey);
    events += result.events;
    if (result.firstBreak) return { ok: false, chains: keys.length, events, firstBreak: result.firstBreak, ...anchors };
  }
  const firstBreak = checkpoint ? await checkAgainstCheckpoint(db, checkpoint.id, chainKeys) : null;
  return { ok: !firstBreak && invalid.length === 0, chains: keys.length, events, firstBreak, ...anchors };
}
