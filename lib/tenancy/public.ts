import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The models a public read may touch: the catalogue visitors see without logging in, planned
 * maintenance, and signatures with their routes for the public verification page (which selects only
 * the names, methods and times of signers, the document's title and the Partner's name).
 */
const PUBLIC_MODELS = [
  "tariff",
  "tariffPrice",
  "additionalService",
  "maintenanceWindow",
  "signatureRoute",
  "signature",
] as const;

export type PublicCatalogClient = Pick<PrismaClient, (typeof PUBLIC_MODELS)[number]>;

/**
 * A client of the catalogue models only. Public reads get no actor, so the type alone is not enough:
 * any other model (people, Partners, audit) is refused at run time too.
 */
export function publicCatalogClient(db: PrismaClient): PublicCatalogClient {
  const allowed = new Set<PropertyKey>(PUBLIC_MODELS);
  return new Proxy(db, {
    get(target, key, receiver) {
      if (!allowed.has(key)) throw new Error(`a public read may not use ${String(key)}`);
      return Reflect.get(target, key, receiver);
    },
  }) as PublicCatalogClient;
}
