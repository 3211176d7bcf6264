import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";

export const MIB = 1024 * 1024;

/**
 * Adds `bytes` to the Partner's storage in use, in the caller's transaction, only if it stays within
 * the tariff's limit: one conditional UPDATE, so parallel uploads at the limit are serialised on the
 * Partner's row and the count stays exact. Negative `bytes` releases storage.
 */
export async function reserveStorage(tx: Prisma.TransactionClient, partnerId: string, bytes: number): Promise<void> {
  const updated = await tx.$executeRaw`
    UPDATE partner
       SET "storageUsedBytes" = "storageUsedBytes" + ${BigInt(bytes)}
     WHERE id = ${partnerId}::uuid
       AND ("storageUsedBytes" + ${BigInt(bytes)} <= "storageLimitMb"::bigint * ${BigInt(MIB)} OR ${bytes} <= 0)`;
  if (updated === 0) throw new AppError("conflict", "quota_exceeded");
}

/** Storage in use and the limit, in bytes. */
export interface StorageUsage {
  usedBytes: number;
  limitBytes: number;
}

export function usageOf(partner: { storageUsedBytes: bigint; storageLimitMb: number }): StorageUsage {
  return { usedBytes: Number(partner.storageUsedBytes), limitBytes: partner.storageLimitMb * MIB };
}
