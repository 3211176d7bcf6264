import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Models owned by a Partner: each has a non-null `partnerId` and a `partner` relation. A test
 * compares this list with schema.prisma, so a new Partner-owned model cannot be forgotten here.
 */
export const TENANT_MODELS = [
  "Membership",
  "Invitation",
  "StaffAssignment",
  "ShareGrant",
  "PartnerStatusChange",
  "Document",
  "DocumentVersion",
  "DocumentReceipt",
  "ShareGrantDocument",
  "ShareComment",
  "ShareDecision",
  "TariffChange",
  "ServiceOrder",
  "Invoice",
  "InvoiceLine",
  "Request",
  "RequestCounter",
  "RequestMessage",
  "RequestAttachment",
  "RequestNote",
  "RequestStatusChange",
  "RequestRead",
  "SignatureRoute",
  "SignatureRouteStep",
  "Signature",
] as const satisfies readonly Prisma.ModelName[];
const tenantModels = new Set<string>(TENANT_MODELS);

/** Operations whose `where` names one row by a unique field: the Partner is added beside it. */
const UNIQUE_WHERE_OPERATIONS = new Set(["findUnique", "findUniqueOrThrow", "update", "delete", "upsert"]);
/** Operations filtering many rows: the Partner is AND-ed with whatever the caller asked. */
const FILTER_OPERATIONS = new Set([
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "updateMany",
  "updateManyAndReturn",
  "deleteMany",
]);
const CREATE_OPERATIONS = new Set(["create", "createMany", "createManyAndReturn", "upsert"]);

type Args = Record<string, unknown> & { where?: unknown; data?: unknown; create?: unknown };

/**
 * The Partners a client may reach: one (a member's cabinet) or a set (the Partners a staff member
 * serves, those that shared something with a counterparty). An empty set reaches nothing.
 */
export type PartnerScope = string | readonly string[];

function filterOf(scope: PartnerScope, field: "partnerId" | "id"): Record<string, unknown> {
  return { [field]: typeof scope === "string" ? scope : { in: [...scope] } };
}

function reaches(scope: PartnerScope, partnerId: unknown): boolean {
  return typeof scope === "string" ? partnerId === scope : scope.includes(partnerId as string);
}

/** Adds the Partner scope to an operation's filter and to whatever it creates. */
export function scopeArgs(operation: string, args: Args | undefined, scope: PartnerScope): Args {
  const scoped: Args = { ...(args ?? {}) };
  const filter = filterOf(scope, "partnerId");
  if (UNIQUE_WHERE_OPERATIONS.has(operation)) {
    const where = (scoped.where as Record<string, unknown> | undefined) ?? {};
    // A unique lookup naming another Partner finds nothing rather than being silently redirected.
    scoped.where =
      typeof scope === "string" && !("partnerId" in where)
        ? { ...where, partnerId: scope }
        : { ...where, AND: [...asList(where.AND), filter] };
  } else if (FILTER_OPERATIONS.has(operation)) {
    scoped.where = scoped.where ? { AND: [scoped.where, filter] } : filter;
  }
  if (operation === "create" || operation === "upsert") {
    const key = operation === "create" ? "data" : "create";
    scoped[key] = withPartner((scoped[key] as Record<string, unknown>) ?? {}, scope);
  }
  if (operation === "createMany" || operation === "createManyAndReturn") {
    const rows = Array.isArray(scoped.data) ? scoped.data : [scoped.data];
    scoped.data = rows.map((row) => withPartner(row as Record<string, unknown>, scope));
  }
  if (
    operation === "upsert" ||
    operation === "update" ||
    operation === "updateMany" ||
    operation === "updateManyAndReturn"
  ) {
    const data = scoped[operation === "upsert" ? "update" : "data"] as Record<string, unknown> | undefined;
    if (data && ("partnerId" in data || "partner" in data))
      throw new Error("a Partner-scoped change cannot move a row to another Partner");
  }
  return scoped;
}

/** A row created through a scoped client belongs to the one Partner, or to a Partner of the set (else: not found). */
function withPartner(row: Record<string, unknown>, scope: PartnerScope): Record<string, unknown> {
  if (typeof scope === "string") return { ...row, partnerId: scope };
  if (!reaches(scope, row.partnerId)) throw new AppError("not_found");
  return row;
}

/** The Partner rows themselves: only those of the scope can be read or changed, none created. */
export function scopePartnerArgs(operation: string, args: Args | undefined, scope: PartnerScope): Args {
  if (CREATE_OPERATIONS.has(operation)) throw new Error("a Partner-scoped client cannot create Partners");
  const scoped: Args = { ...(args ?? {}) };
  const filter = filterOf(scope, "id");
  if (UNIQUE_WHERE_OPERATIONS.has(operation)) {
    const where = (scoped.where as Record<string, unknown> | undefined) ?? {};
    scoped.where = { ...where, AND: [...asList(where.AND), filter] };
  } else if (FILTER_OPERATIONS.has(operation)) {
    scoped.where = scoped.where ? { AND: [scoped.where, filter] } : filter;
  }
  return scoped;
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * A client on which every read, change and delete of a Partner-owned model, and of the Partner rows
 * themselves, is confined to the scope. Feature code receives only such a client (or, for
 * operators, the platform-wide one); a foreign id simply finds nothing.
 */
export function partnerScoped(db: PrismaClient, scope: PartnerScope) {
  return db.$extends({
    name: "partner-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (model === "Partner") return query(scopePartnerArgs(operation, args as Args, scope) as typeof args);
          if (!tenantModels.has(model)) return query(args);
          return query(scopeArgs(operation, args as Args, scope) as typeof args);
        },
      },
    },
  });
}

export type PartnerScopedClient = ReturnType<typeof partnerScoped>;
export type PartnerScopedTx = Parameters<Parameters<PartnerScopedClient["$transaction"]>[0]>[0];
