import type { PartnerStatus, Prisma } from "@/lib/generated/prisma/client";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors/app-error";

/** Statuses that close the cabinet to the Partner's members (places ignore them). */
export const CLOSED_STATUSES: readonly PartnerStatus[] = ["SUSPENDED", "BLOCKED"];

type Tx = Prisma.TransactionClient;

/** The Partner an operator acts on, or "not found". */
export async function partnerForStatus(tx: Tx, partnerId: string) {
  const partner = await tx.partner.findUnique({
    where: { id: partnerId },
    select: { id: true, status: true, contractNumber: true, contractDate: true, statusReason: true },
  });
  if (!partner) throw notFound();
  return partner;
}

/**
 * Moves a Partner to another status and records the step in its history, in the caller's
 * transaction. Closing the cabinet also ends every session acting in it, so its members are
 * logged out at their next request (like a revoked membership).
 */
export async function changePartnerStatus(
  tx: Tx,
  change: {
    partnerId: string;
    from: PartnerStatus;
    to: PartnerStatus;
    reason: string | null;
    operatorId: string;
    data?: { contractNumber?: string; contractDate?: Date };
  },
): Promise<{ sessionsEnded: number }> {
  const at = now();
  await tx.partner.update({
    where: { id: change.partnerId },
    data: { ...change.data, status: change.to, statusReason: change.reason, statusChangedAt: at },
  });
  await tx.partnerStatusChange.create({
    data: {
      partnerId: change.partnerId,
      fromStatus: change.from,
      toStatus: change.to,
      reason: change.reason,
      operatorId: change.operatorId,
      createdAt: at,
    },
  });
  if (!CLOSED_STATUSES.includes(change.to)) return { sessionsEnded: 0 };
  const sessions = await tx.session.updateMany({
    where: { activePartnerId: change.partnerId, revokedAt: null },
    data: { revokedAt: at, revokeReason: "partner_suspended" },
  });
  return { sessionsEnded: sessions.count };
}
