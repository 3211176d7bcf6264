/**
 * The one catalogue of rights ("module.verb") and the role matrix. Unknown roles and
 * malformed restricted rights grant nothing: every lookup fails closed.
 */

/** Modules a primary user can open to a RESTRICTED member, each as none / view / edit (001 §3.4). */
export const RESTRICTABLE_MODULES = ["requests", "documents", "sharing", "profile", "billing", "audit"] as const;
export type RestrictableModule = (typeof RESTRICTABLE_MODULES)[number];
export const MODULE_ACCESS_LEVELS = ["none", "view", "edit"] as const;
export type ModuleAccess = (typeof MODULE_ACCESS_LEVELS)[number];

/** Document categories (DOC-1); RESTRICTED members see only those ticked for them. */
export const DOCUMENT_CATEGORIES = ["contracts", "acts_invoices", "tax_reports", "hr", "constituent", "other"] as const;

export const RIGHTS = [
  ...RESTRICTABLE_MODULES.flatMap((m) => [`${m}.view`, `${m}.edit`] as const),
  "users.manage",
  "tariff.manage",
  "cabinet.close",
] as const;
export type Right = (typeof RIGHTS)[number];

/** Rights only the primary user holds, whatever else is granted (001 §3.3). */
const PRIMARY_ONLY: readonly Right[] = ["users.manage", "tariff.manage", "cabinet.close"];

export type CabinetRole = "PRIMARY" | "FULL" | "RESTRICTED";

export type RestrictedRights = Partial<Record<RestrictableModule, ModuleAccess>>;

/** Rights a member of a Partner holds in that Partner's cabinet. */
export function rightsForMember(role: string, restricted: unknown): ReadonlySet<Right> {
  switch (role) {
    case "PRIMARY":
      return new Set(RIGHTS);
    case "FULL":
      return new Set(RIGHTS.filter((r) => !PRIMARY_ONLY.includes(r)));
    case "RESTRICTED":
      return rightsFromRestricted(parseRestrictedRights(restricted));
    default:
      return new Set();
  }
}

/** Reads the stored JSON of a RESTRICTED member; anything unexpected is dropped. */
export function parseRestrictedRights(value: unknown): RestrictedRights {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const result: RestrictedRights = {};
  for (const mod of RESTRICTABLE_MODULES) {
    const access = (value as Record<string, unknown>)[mod];
    if (access === "view" || access === "edit") result[mod] = access;
  }
  return result;
}

function rightsFromRestricted(rights: RestrictedRights): ReadonlySet<Right> {
  const granted = new Set<Right>();
  for (const mod of RESTRICTABLE_MODULES) {
    const access = rights[mod];
    if (access === "view" || access === "edit") granted.add(`${mod}.view`);
    if (access === "edit") granted.add(`${mod}.edit`);
  }
  return granted;
}

/** True when the set holds the right. */
export function can<R extends string>(rights: ReadonlySet<R>, right: R): boolean {
  return rights.has(right);
}

/** A Partner member's rights, by the name the access declarations use. */
export type MemberRight = Right;

/**
 * Rights of outsourcer staff, valid only in the Partners they reach (their company serves the
 * Partner and they are its manager or assigned to it; OPS-1).
 */
export const STAFF_RIGHTS = [
  "desk.view",
  "desk.partner.view",
  "desk.assignments.manage",
  "desk.documents.view",
  "desk.documents.send",
] as const;
export type StaffRight = (typeof STAFF_RIGHTS)[number];

/** Platform-wide rights of operators (OPS-1..4). */
export const OPERATOR_RIGHTS = [
  "platform.view",
  "platform.partners.view",
  "platform.partners.manage",
  "platform.companies.view",
  "platform.staff.manage",
  "platform.assignments.manage",
  "platform.jobs.view",
  "platform.security.view",
  "platform.security.manage",
  "platform.maintenance.view",
  "platform.maintenance.manage",
  "platform.audit.view",
  "platform.calendar.view",
  "platform.calendar.manage",
  "platform.billing.view",
  "platform.billing.manage",
] as const;
export type OperatorRight = (typeof OPERATOR_RIGHTS)[number];

/** Rights of a counterparty's person, within the share grants they hold (DOC-4). */
export const COUNTERPARTY_RIGHTS = ["shared.view"] as const;
export type CounterpartyRight = (typeof COUNTERPARTY_RIGHTS)[number];

/** The kinds of actor a place makes of a person, each with its own catalogue of rights. */
export const ACTOR_KINDS = ["member", "staff", "operator", "counterparty"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface RightOf {
  member: MemberRight;
  staff: StaffRight;
  operator: OperatorRight;
  counterparty: CounterpartyRight;
}

/**
 * What an action or a read needs: for each actor kind admitted, the right it must hold. Kinds
 * left out are refused.
 */
export type Access = { [K in ActorKind]?: RightOf[K] };

const CATALOGUE: { [K in ActorKind]: readonly string[] } = {
  member: RIGHTS,
  staff: STAFF_RIGHTS,
  operator: OPERATOR_RIGHTS,
  counterparty: COUNTERPARTY_RIGHTS,
};

/** True when a declared access names at least one actor kind and only rights of that kind's catalogue. */
export function isValidAccess(access: unknown): access is Access {
  if (typeof access !== "object" || access === null || Array.isArray(access)) return false;
  const entries = Object.entries(access);
  return (
    entries.length > 0 &&
    entries.every(([kind, right]) => kind in CATALOGUE && CATALOGUE[kind as ActorKind].includes(right as string))
  );
}

/** Staff rights by role: managers run their company's assignments; everyone reads the Partners they reach. */
export function rightsForStaff(role: string): ReadonlySet<StaffRight> {
  switch (role) {
    case "MANAGER":
      return new Set(STAFF_RIGHTS);
    case "ACCOUNTANT":
    case "LAWYER":
    case "HR_ASSISTANT":
      return new Set<StaffRight>(["desk.view", "desk.partner.view", "desk.documents.view", "desk.documents.send"]);
    default:
      return new Set();
  }
}

/** Operator rights by role: support reads everything an admin reads and changes nothing of the platform. */
export function rightsForOperator(role: string): ReadonlySet<OperatorRight> {
  switch (role) {
    case "ADMIN":
      return new Set(OPERATOR_RIGHTS);
    case "SUPPORT":
      return new Set(OPERATOR_RIGHTS.filter((r) => r.endsWith(".view")));
    default:
      return new Set();
  }
}
