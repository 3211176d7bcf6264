import { partnerScoped } from "@/lib/db/tenant";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor, MemberActor, Requirement, StaffActor } from "./actor";

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

/**
 * The Partners a list may read for a member (their own) or staff (those they reach, narrowed to one
 * when the reader asks): never wider than the actor's scope, whatever `requested` says.
 */
export function readablePartners(actor: MemberActor | StaffActor, requested?: string): string[] {
  if (actor.kind === "member") return [actor.partnerId];
  return requested ? actor.partnerIds.filter((p) => p === requested) : [...actor.partnerIds];
}

/**
 * The Partner condition of a hand-written list statement. One Partner is an equality, so an index
 * led by "partnerId" hands the page over in order; with `= ANY(…)` PostgreSQL before 17 reads and
 * sorts every row of the Partner. `column` is a trusted identifier such as `d."partnerId"`.
 */
export function partnerCondition(column: string, partnerIds: readonly string[]): Prisma.Sql {
  return partnerIds.length === 1
    ? Prisma.sql`${Prisma.raw(column)} = ${partnerIds[0]}::uuid`
    : Prisma.sql`${Prisma.raw(column)} = ANY(${[...partnerIds]}::uuid[])`;
}
