import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { lockPlanLimits } from "@/lib/billing/limits";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;
export const INVITATION_RESEND_AFTER_MS = 60_000;

/**
 * Refuses when the user limit of the tariff in force is reached (TEN-3, lib/billing/limits.ts): active
 * members plus pending, unexpired invitations hold a seat each. The Partner row is locked first, so two
 * concurrent invitations cannot both take the last seat.
 */
export async function assertSeatAvailable(tx: Prisma.TransactionClient, partnerId: string, at: Date): Promise<void> {
  const limits = await lockPlanLimits(tx, partnerId, at);
  const members = await tx.membership.count({ where: { partnerId, status: "ACTIVE" } });
  const pending = await tx.invitation.count({ where: { partnerId, status: "PENDING", expiresAt: { gt: at } } });
  if (members + pending >= limits.users) {
    throw new AppError("conflict", "user_limit_reached", undefined, { limit: limits.users });
  }
}
