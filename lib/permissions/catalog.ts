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
export function can(rights: ReadonlySet<Right>, right: Right): boolean {
  return rights.has(right);
}
