import { now } from "@/lib/clock";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ShareRight } from "./rights";

/** A grant of this person that is live at this moment: not revoked, not expired. */
export function liveGrantOf(personId: string, right?: ShareRight): Prisma.ShareGrantWhereInput {
  return {
    personId,
    revokedAt: null,
    expiresAt: { gt: now() },
    ...(right ? { rights: { has: right } } : {}),
  };
}

/**
 * The documents a counterparty reaches: those in a live grant of theirs, read again at every
 * request, so a revocation or an expiry takes effect at the next one (downloads included).
 */
export function sharedDocumentsOf(personId: string, right?: ShareRight): Prisma.DocumentWhereInput {
  return { archivedAt: null, shares: { some: { grant: liveGrantOf(personId, right) } } };
}

/** Versions a counterparty may open: scanned clean or not scanned (never one waiting for its scan). */
export const openableVersion: Prisma.DocumentVersionWhereInput = { scanStatus: { in: ["NOT_SCANNED", "CLEAN"] } };
