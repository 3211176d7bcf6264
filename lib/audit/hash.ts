import { createHash } from "node:crypto";

/** The fields of an audit row that its hash covers. */
export interface HashedAuditFields {
  chainKey: string;
  seq: number;
  prevHash: string;
  createdAt: Date;
  partnerId: string | null;
  actorPersonId: string | null;
  actorRole: string | null;
  actorPhone: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: unknown;
}

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every level: jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of the row's fields and the previous row's hash. */
export function auditHash(row: HashedAuditFields): string {
  const payload = canonicalJson([
    row.chainKey,
    row.seq,
    row.prevHash,
    row.createdAt.toISOString(),
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
    row.details ?? null,
  ]);
  return createHash("sha256").update(payload).digest("hex");
}
