import { partnerScoped } from "@/lib/db/tenant";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor, Requirement } from "./actor";

/**
 * The one client an actor's handler or loader gets: confined to the member's Partner, to the
 * Partners a staff member reaches or that shared something with a counterparty, and platform-wide
 * only for operators. Person-level requirements ("self", "session", "registration") touch only
 * the person's own rows, which their handlers select by the actor's own ids.
 */
export function clientFor(db: PrismaClient, actor: Actor, requirement: Requirement): PrismaClient {
  if (typeof requirement === "string") return db;
  switch (actor.kind) {
    case "member":
      return partnerScoped(db, actor.partnerId) as unknown as PrismaClient;
    case "staff":
    case "counterparty":
      return partnerScoped(db, actor.partnerIds) as unknown as PrismaClient;
    case "operator":
      return db;
    default:
      // A person without a place never reaches Partner data through an access map.
      return partnerScoped(db, []) as unknown as PrismaClient;
  }
}
