import type { AuditEntry } from "@/lib/audit/write";
import type { ResolvedSession } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import type { AppErrorCode } from "@/lib/errors/app-error";
import { rightsForMember, type Right } from "@/lib/permissions/catalog";

export type MemberActor = {
  kind: "member";
  sessionId: string;
  personId: string;
  phone: string;
  partnerId: string;
  role: "PRIMARY" | "FULL" | "RESTRICTED";
  rights: ReadonlySet<Right>;
  documentCategories: readonly string[];
};
export type PersonActor = { kind: "person"; sessionId: string; personId: string; phone: string };
export type RegistrantActor = { kind: "registrant"; sessionId: string; personId: null; phone: string };
export type Actor = MemberActor | PersonActor | RegistrantActor;

/** The actor a handler can rely on, given the right its action declares. */
export type ActorFor<R> = R extends "registration"
  ? RegistrantActor
  : R extends "session"
    ? Actor
    : R extends "self"
      ? MemberActor | PersonActor
      : MemberActor;

export type ActorResult =
  { ok: true; value: Actor } | { ok: false; code: AppErrorCode; reason: string; audit?: Partial<AuditEntry> };

/**
 * Resolves who is acting from the session alone: the Partner is the session's active cabinet,
 * confirmed by an active membership row. Nothing here reads ids from the request.
 */
export async function resolveActor(
  session: ResolvedSession | null,
  right: Right | "self" | "session" | "registration",
): Promise<ActorResult> {
  if (!session) return { ok: false, code: "unauthenticated", reason: "no_session", audit: {} };
  const who = { actorPhone: session.phone, actorPersonId: session.person?.id ?? null };
  if (right === "registration") {
    if (session.person) return { ok: false, code: "conflict", reason: "already_registered", audit: who };
    return {
      ok: true,
      value: { kind: "registrant", sessionId: session.sessionId, personId: null, phone: session.phone },
    };
  }
  if (!session.person) {
    if (right === "session")
      return {
        ok: true,
        value: { kind: "registrant", sessionId: session.sessionId, personId: null, phone: session.phone },
      };
    return { ok: false, code: "unauthenticated", reason: "registration_pending", audit: who };
  }

  const person = { sessionId: session.sessionId, personId: session.person.id, phone: session.phone };
  const membership = session.activePartnerId
    ? await activeMembership(session.activePartnerId, session.person.id)
    : null;
  if (membership) {
    return {
      ok: true,
      value: {
        kind: "member",
        ...person,
        partnerId: membership.partnerId,
        role: membership.role,
        rights: rightsForMember(membership.role, membership.rights),
        documentCategories: membership.role === "RESTRICTED" ? membership.documentCategories : [],
      },
    };
  }
  if (right === "self" || right === "session") return { ok: true, value: { kind: "person", ...person } };
  // No cabinet, or a membership that was revoked: the same answer as a foreign id.
  return {
    ok: false,
    code: "not_found",
    reason: "no_membership",
    audit: { ...who, partnerId: session.activePartnerId },
  };
}

/** The membership that lets a person into a Partner's cabinet, if it is still active. */
export async function activeMembership(partnerId: string, personId: string) {
  return getDb().membership.findFirst({
    where: { partnerId, personId, status: "ACTIVE", partner: { status: { in: ["DEMO", "ACTIVE"] } } },
    select: { partnerId: true, role: true, rights: true, documentCategories: true },
  });
}
