import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;
export const INVITATION_RESEND_AFTER_MS = 60_000;

/**
 * Refuses when the tariff's user limit is reached (TEN-3): active members plus pending, unexpired
 * invitations hold a seat each. The Partner row is locked first, so two concurrent invitations
 * cannot both take the last seat.
 */
export async function assertSeatAvailable(tx: Prisma.TransactionClient, partnerId: string, at: Date): Promise<void> {
  const [partner] = await tx.$queryRaw<
    { userLimit: number }[]
  >`SELECT "userLimit" FROM partner WHERE id = ${partnerId}::uuid FOR UPDATE`;
  if (!partner) throw new AppError("not_found");
  const members = await tx.membership.count({ where: { partnerId, status: "ACTIVE" } });
  const pending = await tx.invitation.count({ where: { partnerId, status: "PENDING", expiresAt: { gt: at } } });
  if (members + pending >= partner.userLimit) {
    throw new AppError("conflict", "user_limit_reached", undefined, { limit: partner.userLimit });
  }
}
