import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { now } from "@/lib/clock";
import { tariffIdInForce } from "@/lib/billing/limits";

export const MIB = 1024 * 1024;

/**
 * The storage in MiB the Partner `p` may use at `at`: its tariff's in force (lib/billing/limits.ts),
 * else its own storageLimitMb. A SQL fragment over `partner p`.
 */
export function storageLimitMbSql(at: Date): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT t."storageMb" FROM tariff t WHERE t.id = ${tariffIdInForce(at)}), p."storageLimitMb")`;
}

/**
 * Adds `bytes` to the Partner's storage in use, in the caller's transaction, only if it stays within
 * the storage of the tariff in force (lib/billing/limits.ts; the Partner's storageLimitMb when no tariff
 * applies): one conditional UPDATE, so parallel uploads at the limit are serialised on the Partner's row
 * and the count stays exact. Negative `bytes` releases storage.
 */
export async function reserveStorage(tx: Prisma.TransactionClient, partnerId: string, bytes: number): Promise<void> {
  const updated = await tx.$executeRaw`
    UPDATE partner p
       SET "storageUsedBytes" = p."storageUsedBytes" + ${BigInt(bytes)}
     WHERE p.id = ${partnerId}::uuid
       AND (${bytes} <= 0 OR p."storageUsedBytes" + ${BigInt(bytes)} <= ${storageLimitMbSql(now())}::bigint * ${BigInt(MIB)})`;
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
