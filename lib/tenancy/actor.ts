import type { AuditEntry } from "@/lib/audit/write";
import type { ResolvedSession } from "@/lib/auth/session";
import type { AppErrorCode } from "@/lib/errors/app-error";
import type { MemberRole, OperatorRole, PlaceKind, StaffRole } from "@/lib/generated/prisma/client";
import {
  can,
  rightsForMember,
  rightsForOperator,
  rightsForStaff,
  type Access,
  type ActorKind,
  type CounterpartyRight,
  type OperatorRight,
  type Right,
  type StaffRight,
} from "@/lib/permissions/catalog";
import { loadPlaces, type Places } from "./places";

interface Who {
  sessionId: string;
  personId: string;
  phone: string;
}

/** A member of a Partner acting in its cabinet. */
export type MemberActor = Who & {
  kind: "member";
  partnerId: string;
  role: MemberRole;
  rights: ReadonlySet<Right>;
  documentCategories: readonly string[];
};
/** Outsourcer staff at the desk of one company, reaching the Partners in `partnerIds`. */
export type StaffActor = Who & {
  kind: "staff";
  companyId: string;
  staffMemberId: string;
  role: StaffRole;
  rights: ReadonlySet<StaffRight>;
  partnerIds: readonly string[];
};
/** A platform operator in the back office. */
export type OperatorActor = Who & { kind: "operator"; role: OperatorRole; rights: ReadonlySet<OperatorRight> };
/** A counterparty's person, reaching what the Partners in `partnerIds` shared with them. */
export type CounterpartyActor = Who & {
  kind: "counterparty";
  rights: ReadonlySet<CounterpartyRight>;
  partnerIds: readonly string[];
};
/** A logged-in person outside any place (or acting on their own things). */
export type PersonActor = Who & { kind: "person" };
export type RegistrantActor = { kind: "registrant"; sessionId: string; personId: null; phone: string };

/** Anyone at all, logged in or not (a visitor starting a demo cabinet): who they are if known. */
export type VisitorActor = { kind: "visitor"; sessionId: string | null; personId: string | null; phone: string | null };

export type PlaceActor = MemberActor | StaffActor | OperatorActor | CounterpartyActor;
export type Actor = PlaceActor | PersonActor | RegistrantActor | VisitorActor;

interface ActorOfKind {
  member: MemberActor;
  staff: StaffActor;
  operator: OperatorActor;
  counterparty: CounterpartyActor;
}

/**
 * What an action or read admits: an access map (actor kind → right), any logged-in person acting on
 * their own things ("self"), any live session ("session", e.g. logout), or a verified phone that is
 * finishing registration.
 */
export type Requirement = Access | "self" | "session" | "registration" | "visitor";

/** The actor a handler can rely on, given what its action declares. */
export type ActorFor<R> = R extends "visitor"
  ? VisitorActor
  : R extends "registration"
    ? RegistrantActor
    : R extends "session"
      ? Exclude<Actor, VisitorActor>
      : R extends "self"
        ? PlaceActor | PersonActor
        : { [K in keyof R & ActorKind]: ActorOfKind[K] }[keyof R & ActorKind];

export type ActorResult =
  { ok: true; value: Actor } | { ok: false; code: AppErrorCode; reason: string; audit?: Partial<AuditEntry> };

/** The place a session acts in, after checking that the person still holds it. */
export type ActivePlace =
  { kind: "CABINET"; partnerId: string } | { kind: "DESK"; companyId: string } | { kind: "ADMIN" } | { kind: "SHARED" };

/**
 * The session's chosen place if the person still holds it, else the first they hold, in the
 * order cabinet, desk, back office, shared documents. Null: a person with no role anywhere.
 */
export function choosePlace(
  session: Pick<ResolvedSession, "activePlace" | "activePartnerId" | "activeCompanyId">,
  places: Places,
): ActivePlace | null {
  const wanted: PlaceKind | null = session.activePlace ?? (session.activePartnerId ? "CABINET" : null);
  const cabinet =
    places.cabinets.find((c) => c.partnerId === session.activePartnerId) ??
    (wanted === "CABINET" ? undefined : places.cabinets[0]);
  const desk = places.desks.find((d) => d.companyId === session.activeCompanyId) ?? places.desks[0];
  const held: Record<PlaceKind, ActivePlace | null> = {
    CABINET: cabinet ? { kind: "CABINET", partnerId: cabinet.partnerId } : null,
    DESK: desk ? { kind: "DESK", companyId: desk.companyId } : null,
    ADMIN: places.operatorRole ? { kind: "ADMIN" } : null,
    SHARED: places.sharedPartnerIds.length > 0 ? { kind: "SHARED" } : null,
  };
  if (wanted && held[wanted]) return held[wanted];
  // The chosen place is gone (membership revoked, grant expired): never fall into another cabinet
  // silently, but another kind of place the person holds is theirs to use.
  const fallback = (["CABINET", "DESK", "ADMIN", "SHARED"] as const).filter((k) => k !== wanted);
  for (const kind of fallback) if (held[kind]) return held[kind];
  return null;
}

/** The actor a place makes of a person. */
export function actorForPlace(who: Who, place: ActivePlace, places: Places): PlaceActor | null {
  switch (place.kind) {
    case "CABINET": {
      const m = places.cabinets.find((c) => c.partnerId === place.partnerId);
      if (!m) return null;
      return {
        kind: "member",
        ...who,
        partnerId: m.partnerId,
        role: m.role,
        rights: rightsForMember(m.role, m.rights),
        documentCategories: m.role === "RESTRICTED" ? m.documentCategories : [],
      };
    }
    case "DESK": {
      const d = places.desks.find((s) => s.companyId === place.companyId);
      if (!d) return null;
      return {
        kind: "staff",
        ...who,
        companyId: d.companyId,
        staffMemberId: d.staffMemberId,
        role: d.role,
        rights: rightsForStaff(d.role),
        partnerIds: d.partnerIds,
      };
    }
    case "ADMIN":
      return places.operatorRole
        ? { kind: "operator", ...who, role: places.operatorRole, rights: rightsForOperator(places.operatorRole) }
        : null;
    case "SHARED":
      return places.sharedPartnerIds.length > 0
        ? { kind: "counterparty", ...who, rights: new Set(["shared.view"]), partnerIds: places.sharedPartnerIds }
        : null;
  }
}

/** True when the requirement admits the actor's kind and the actor holds the right it names for that kind. */
export function admits(requirement: Access, actor: Actor): boolean {
  switch (actor.kind) {
    case "member":
      return requirement.member !== undefined && can(actor.rights, requirement.member);
    case "staff":
      return requirement.staff !== undefined && can(actor.rights, requirement.staff);
    case "operator":
      return requirement.operator !== undefined && can(actor.rights, requirement.operator);
    case "counterparty":
      return requirement.counterparty !== undefined && can(actor.rights, requirement.counterparty);
    default:
      return false;
  }
}

/**
 * Resolves who is acting from the session alone: the place is the session's active one, confirmed
 * against the person's current memberships, staff rows, operator role and grants. Nothing here
 * reads ids from the request. `places` may be passed when the caller already read them.
 */
export async function resolveActor(
  session: ResolvedSession | null,
  requirement: Requirement,
  places?: Places,
): Promise<ActorResult> {
  if (requirement === "visitor") {
    return {
      ok: true,
      value: {
        kind: "visitor",
        sessionId: session?.sessionId ?? null,
        personId: session?.person?.id ?? null,
        phone: session?.phone ?? null,
      },
    };
  }
  if (!session) return { ok: false, code: "unauthenticated", reason: "no_session", audit: {} };
  const who = { actorPhone: session.phone, actorPersonId: session.person?.id ?? null };
  if (requirement === "registration") {
    if (session.person) return { ok: false, code: "conflict", reason: "already_registered", audit: who };
    return {
      ok: true,
      value: { kind: "registrant", sessionId: session.sessionId, personId: null, phone: session.phone },
    };
  }
  if (!session.person) {
    if (requirement === "session")
      return {
        ok: true,
        value: { kind: "registrant", sessionId: session.sessionId, personId: null, phone: session.phone },
      };
    return { ok: false, code: "unauthenticated", reason: "registration_pending", audit: who };
  }

  const person: Who = { sessionId: session.sessionId, personId: session.person.id, phone: session.phone };
  const held = places ?? (await loadPlaces(session.person.id));
  const place = choosePlace(session, held);
  const actor = place ? actorForPlace(person, place, held) : null;
  if (requirement === "self" || requirement === "session")
    return { ok: true, value: actor ?? { kind: "person", ...person } };
  // No place of an admitted kind, or a membership that was revoked: the same answer as a foreign id.
  if (!actor || !(actor.kind in requirement)) {
    return {
      ok: false,
      code: "not_found",
      reason: actor ? "kind_not_admitted" : "no_place",
      audit: denialWho(actor, who),
    };
  }
  return { ok: true, value: actor };
}

/** Audit fields of a refused actor: a member's refusal is kept in its Partner's chain. */
export function denialWho(actor: Actor | null, who: Partial<AuditEntry>): Partial<AuditEntry> {
  if (!actor || actor.kind === "registrant" || actor.kind === "visitor") return who;
  return {
    actorPersonId: actor.personId,
    actorPhone: actor.phone,
    actorRole: roleOf(actor),
    partnerId: actor.kind === "member" ? actor.partnerId : null,
  };
}

/** The role written into audit rows: the member's, the staff member's or the operator's role. */
export function roleOf(actor: Actor): string | null {
  switch (actor.kind) {
    case "member":
    case "staff":
    case "operator":
      return actor.role;
    case "counterparty":
      return "COUNTERPARTY";
    default:
      return null;
  }
}
