import { createHash, randomBytes, randomUUID } from "node:crypto";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import type { PlaceKind, Prisma, SessionKind } from "@/lib/generated/prisma/client";
import { LIMITS } from "./limits";
import type { RequestMeta } from "./request-meta";

export interface ResolvedSession {
  sessionId: string;
  kind: SessionKind;
  phone: string;
  activePartnerId: string | null;
  activePlace: PlaceKind | null;
  activeCompanyId: string | null;
  expiresAt: Date;
  person: { id: string; name: string; email: string | null; locale: string } | null;
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates the server-side row that decides whether a cookie or token still works. */
export async function createSession(
  sql: Sql,
  input: {
    kind: SessionKind;
    personId: string | null;
    phone: string;
    activePartnerId: string | null;
    meta: RequestMeta;
  },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const id = randomUUID();
  const at = now();
  const expiresAt = new Date(at.getTime() + LIMITS.sessionAbsoluteMs);
  await sql.query(
    `INSERT INTO session (id, "tokenHash", kind, "personId", phone, "activePartnerId", ip, "userAgent", "createdAt", "lastSeenAt", "expiresAt")
     VALUES ($1::uuid, $2, $3::"SessionKind", $4::uuid, $5, $6::uuid, $7, $8, $9::timestamp(3), $9::timestamp(3), $10::timestamp(3))`,
    [
      id,
      hashSessionToken(token),
      input.kind,
      input.personId,
      input.phone,
      input.activePartnerId,
      input.meta.ip,
      input.meta.userAgent,
      at,
      expiresAt,
    ],
  );
  return { id, token, expiresAt };
}

/**
 * Looks a token up and applies revocation, the idle timeout and the absolute lifetime.
 * Runs on every request, so a revoked session fails its very next one.
 */
export async function resolveSession(token: string | null | undefined): Promise<ResolvedSession | null> {
  if (!token || token.length > 128) return null;
  const db = getDb();
  const row = await db.session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    include: {
      person: { select: { id: true, name: true, email: true, locale: true, block: { select: { createdAt: true } } } },
    },
  });
  const at = now();
  if (!row || row.revokedAt) return null;
  // A person blocked pending review (AUD-5) is logged out at their next request, whatever the session.
  if (row.person?.block) return null;
  if (row.expiresAt <= at) return null;
  if (at.getTime() - row.lastSeenAt.getTime() >= LIMITS.sessionIdleMs) return null;
  if (at.getTime() - row.lastSeenAt.getTime() >= LIMITS.sessionTouchMs) {
    await db.session.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastSeenAt: at } });
  }
  return {
    sessionId: row.id,
    kind: row.kind,
    phone: row.phone,
    activePartnerId: row.activePartnerId,
    activePlace: row.activePlace,
    activeCompanyId: row.activeCompanyId,
    expiresAt: row.expiresAt,
    person: row.person && {
      id: row.person.id,
      name: row.person.name,
      email: row.person.email,
      locale: row.person.locale,
    },
  };
}

/** Sessions still alive for a person (the profile lists them). */
export async function listActiveSessions(tx: Prisma.TransactionClient, personId: string) {
  const at = now();
  return tx.session.findMany({
    where: {
      personId,
      revokedAt: null,
      expiresAt: { gt: at },
      lastSeenAt: { gt: new Date(at.getTime() - LIMITS.sessionIdleMs) },
    },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, kind: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
}
