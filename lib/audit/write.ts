import type { Prisma } from "@/lib/generated/prisma/client";
import { now } from "@/lib/clock";
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

/**
 * Appends an audit row inside the caller's transaction, so the change and its record commit or
 * roll back together. The chain head row is locked to give each chain one gap-free sequence.
 */
export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  const chainKey = chainKeyOf(entry);
  await tx.$executeRaw`INSERT INTO audit_chain_head ("chainKey", seq, hash) VALUES (${chainKey}, 0, ${GENESIS_HASH}) ON CONFLICT ("chainKey") DO NOTHING`;
  const [head] = await tx.$queryRaw<{ seq: number; hash: string }[]>`SELECT seq, hash FROM audit_chain_head WHERE "chainKey" = ${chainKey} FOR UPDATE`;
  if (!head) throw new Error(`audit chain head missing for ${chainKey}`);

  const details = entry.details ? (JSON.parse(JSON.stringify(entry.details)) as Prisma.InputJsonObject) : null;
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
  await tx.auditEvent.create({ data: { ...row, details: details ?? undefined, hash } });
  await tx.auditChainHead.update({ where: { chainKey }, data: { seq: row.seq, hash } });
}
