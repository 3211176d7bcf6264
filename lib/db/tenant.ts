import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Models owned by a Partner: each has a non-null `partnerId`. A test compares this list with
 * schema.prisma, so a new Partner-owned model cannot be forgotten here.
 */
export const TENANT_MODELS = ["Membership", "Invitation"] as const satisfies readonly Prisma.ModelName[];
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

type Args = Record<string, unknown> & { where?: unknown; data?: unknown; create?: unknown };

/** Adds the Partner to an operation's filter and to whatever it creates. */
export function scopeArgs(operation: string, args: Args | undefined, partnerId: string): Args {
  const scoped: Args = { ...(args ?? {}) };
  if (UNIQUE_WHERE_OPERATIONS.has(operation)) {
    const where = (scoped.where as Record<string, unknown> | undefined) ?? {};
    // A unique lookup naming another Partner finds nothing rather than being silently redirected.
    scoped.where =
      "partnerId" in where && where.partnerId !== partnerId
        ? { ...where, AND: [{ partnerId }] }
        : { ...where, partnerId };
  } else if (FILTER_OPERATIONS.has(operation)) {
    scoped.where = scoped.where ? { AND: [scoped.where, { partnerId }] } : { partnerId };
  }
  if (operation === "create" || operation === "upsert") {
    const key = operation === "create" ? "data" : "create";
    scoped[key] = { ...((scoped[key] as object) ?? {}), partnerId };
  }
  if (operation === "createMany" || operation === "createManyAndReturn") {
    const rows = Array.isArray(scoped.data) ? scoped.data : [scoped.data];
    scoped.data = rows.map((row) => ({ ...(row as object), partnerId }));
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

/**
 * A client on which every read, change and delete of a Partner-owned model is confined to one
 * Partner. Feature code receives only this; a foreign id simply finds nothing.
 */
export function partnerScoped(db: PrismaClient, partnerId: string) {
  return db.$extends({
    name: "partner-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (!tenantModels.has(model)) return query(args);
          return query(scopeArgs(operation, args as Args, partnerId) as typeof args);
        },
      },
    },
  });
}

export type PartnerScopedClient = ReturnType<typeof partnerScoped>;
export type PartnerScopedTx = Parameters<Parameters<PartnerScopedClient["$transaction"]>[0]>[0];
