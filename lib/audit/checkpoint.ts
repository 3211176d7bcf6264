import { createHash, sign, verify, type KeyObject } from "node:crypto";
import { now } from "@/lib/clock";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canonicalJson } from "./hash";
import { auditSigningKey, publicKeyText } from "./signing-key";

export const CHECKPOINT_FORMAT = "partner-cabinet/audit-checkpoint/1";
const BATCH = 10_000;

export interface CheckpointChain {
  chainKey: string;
  seq: number;
  hash: string;
}

/** What the signature covers: the moment, the number of chains and the digest of their list. */
export function checkpointMessage(doc: { createdAt: Date; chains: number; digest: string }): Buffer {
  return Buffer.from(
    canonicalJson({
      format: CHECKPOINT_FORMAT,
      createdAt: doc.createdAt.toISOString(),
      chains: doc.chains,
      digest: doc.digest,
    }),
  );
}

/** SHA-256 over the chains in byte order of their keys, one canonical JSON line each. */
export class ChainListDigest {
  private readonly hash = createHash("sha256");
  count = 0;
  add(chain: CheckpointChain): void {
    this.hash.update(`${canonicalJson([chain.chainKey, chain.seq, chain.hash])}\n`);
    this.count += 1;
  }
  hex(): string {
    return this.hash.digest("hex");
  }
}

type Reader = Pick<PrismaClient, "$queryRawUnsafe">;

/** Pages through a list of chains in byte order of their keys (keyset, never OFFSET). */
async function forEachChain(
  db: Reader,
  source: { table: "audit_chain_head" } | { table: "audit_checkpoint_chain"; checkpointId: bigint },
  fn: (chain: CheckpointChain) => void,
): Promise<void> {
  let after = "";
  for (;;) {
    const rows =
      source.table === "audit_chain_head"
        ? await db.$queryRawUnsafe<CheckpointChain[]>(
            `SELECT "chainKey", seq, hash FROM audit_chain_head WHERE seq > 0 AND "chainKey" COLLATE "C" > $1
             ORDER BY "chainKey" COLLATE "C" LIMIT ${BATCH}`,
            after,
          )
        : await db.$queryRawUnsafe<CheckpointChain[]>(
            `SELECT "chainKey", seq, hash FROM audit_checkpoint_chain WHERE "checkpointId" = $2 AND "chainKey" COLLATE "C" > $1
             ORDER BY "chainKey" COLLATE "C" LIMIT ${BATCH}`,
            after,
            source.checkpointId,
          );
    rows.forEach(fn);
    if (rows.length < BATCH) return;
    after = rows.at(-1)!.chainKey;
  }
}

export interface CreatedCheckpoint {
  id: bigint;
  createdAt: Date;
  chains: number;
  digest: string;
}

/**
 * Signs the head of every audit chain as one document and keeps it (append-only). Run it
 * periodically: a chain cut short or re-hashed after a checkpoint no longer matches it, and a
 * forged checkpoint needs the signing key, which the database never holds. The heads are read in
 * one snapshot (REPEATABLE READ) without locking them, so writers never wait for a checkpoint.
 */
export async function createAuditCheckpoint(
  db: PrismaClient,
  key: KeyObject = auditSigningKey(),
): Promise<CreatedCheckpoint> {
  return db.$transaction(
    async (tx) => {
      const createdAt = now();
      const digest = new ChainListDigest();
      await forEachChain(tx, { table: "audit_chain_head" }, (chain) => digest.add(chain));
      const doc = { createdAt, chains: digest.count, digest: digest.hex() };
      const signature = sign(null, checkpointMessage(doc), key).toString("base64");
      const row = await tx.auditCheckpoint.create({
        data: { ...doc, signature, publicKey: publicKeyText(key) },
        select: { id: true },
      });
      // The same snapshot as the digest: the stored list is exactly the signed one.
      await tx.$executeRawUnsafe(
        `INSERT INTO audit_checkpoint_chain ("checkpointId", "chainKey", seq, hash)
         SELECT $1, "chainKey", seq, hash FROM audit_chain_head WHERE seq > 0`,
        row.id,
      );
      return { id: row.id, ...doc };
    },
    { isolationLevel: "RepeatableRead", timeout: 120_000, maxWait: 10_000 },
  );
}

export interface CheckpointCheck {
  id: bigint;
  createdAt: Date;
  valid: boolean;
}

/** Whether a stored checkpoint's chain list still hashes to its digest and its signature verifies. */
export async function checkCheckpoint(
  db: Reader,
  checkpoint: { id: bigint; createdAt: Date; chains: number; digest: string; signature: string },
  key: KeyObject,
): Promise<boolean> {
  const digest = new ChainListDigest();
  await forEachChain(db, { table: "audit_checkpoint_chain", checkpointId: checkpoint.id }, (c) => digest.add(c));
  if (digest.count !== checkpoint.chains || digest.hex() !== checkpoint.digest) return false;
  return verify(null, checkpointMessage(checkpoint), key, Buffer.from(checkpoint.signature, "base64"));
}

/**
 * The newest checkpoint whose signature verifies, and the ids of newer ones that do not (forged or
 * altered). Older checkpoints than the valid one are not examined.
 */
export async function latestValidCheckpoint(
  db: Pick<PrismaClient, "$queryRawUnsafe" | "auditCheckpoint">,
  key: KeyObject,
): Promise<{ checkpoint: CheckpointCheck | null; invalid: bigint[] }> {
  const invalid: bigint[] = [];
  let before: bigint | undefined;
  for (;;) {
    const candidate = await db.auditCheckpoint.findFirst({
      where: before === undefined ? {} : { id: { lt: before } },
      orderBy: { id: "desc" },
    });
    if (!candidate) return { checkpoint: null, invalid };
    if (await checkCheckpoint(db, candidate, key))
      return { checkpoint: { id: candidate.id, createdAt: candidate.createdAt, valid: true }, invalid };
    invalid.push(candidate.id);
    before = candidate.id;
  }
}

/** The latest checkpoint as a self-contained JSON document: its chains, signature and public key. */
export async function exportLatestCheckpoint(db: PrismaClient, key: KeyObject): Promise<object | null> {
  const checkpoint = await db.auditCheckpoint.findFirst({ orderBy: { id: "desc" } });
  if (!checkpoint) return null;
  const chains: CheckpointChain[] = [];
  await forEachChain(db, { table: "audit_checkpoint_chain", checkpointId: checkpoint.id }, (c) => chains.push(c));
  return {
    format: CHECKPOINT_FORMAT,
    id: checkpoint.id.toString(),
    createdAt: checkpoint.createdAt.toISOString(),
    chains: checkpoint.chains,
    digest: checkpoint.digest,
    signature: checkpoint.signature,
    // The configured key, not the row's copy: whoever could forge the row could forge that too.
    publicKey: publicKeyText(key),
    signatureAlgorithm: "Ed25519",
    signedMessage:
      "canonical JSON of {format, createdAt, chains, digest}; digest = SHA-256 of one canonical JSON line [chainKey, seq, hash] per chain, in byte order of chainKey",
    chainList: chains,
  };
}
