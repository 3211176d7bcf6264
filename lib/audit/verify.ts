import type { PrismaClient } from "@/lib/generated/prisma/client";
import { GENESIS_HASH, auditHash } from "./hash";

export interface ChainBreak {
  chainKey: string;
  seq: number;
  eventId: string | null;
  reason: "hash_mismatch" | "broken_link" | "sequence_gap" | "head_mismatch";
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  events: number;
  firstBreak: ChainBreak | null;
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

/** Verifies every chain (or those given), naming the first broken link found. */
export async function verifyAuditChains(db: PrismaClient, chainKeys?: string[]): Promise<VerifyResult> {
  const keys =
    chainKeys ??
    (await db.auditChainHead.findMany({ select: { chainKey: true }, orderBy: { chainKey: "asc" } })).map(
      (h) => h.chainKey,
    );
  let events = 0;
  for (const chainKey of keys) {
    const result = await verifyChain(db, chainKey);
    events += result.events;
    if (result.firstBreak) return { ok: false, chains: keys.length, events, firstBreak: result.firstBreak };
  }
  return { ok: true, chains: keys.length, events, firstBreak: null };
}
