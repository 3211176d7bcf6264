import { DeniedError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A BIN/IIN belongs to one Partner (ORG-2): a second cabinet for the same company is refused,
 * pointing to its director, who can invite the person instead. Audited as a denial.
 */
export function taxIdTaken(): DeniedError {
  return new DeniedError("conflict", "invalid_input", { taxId: ["tax_id_taken"] }, "tax_id_taken");
}

/** Refuses a tax id held by another Partner than `ownPartnerId`. */
export async function assertTaxIdFree(
  tx: Prisma.TransactionClient,
  taxId: string,
  ownPartnerId: string | null = null,
): Promise<void> {
  const holder = await tx.partner.findUnique({ where: { taxId }, select: { id: true } });
  if (holder && holder.id !== ownPartnerId) throw taxIdTaken();
}

/**
 * The unique index on partner."taxId" catches two simultaneous claims that both passed the check;
 * the loser gets the same field error instead of a generic one.
 */
export async function withTaxIdGuard<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isTaxIdViolation(error)) throw taxIdTaken();
    throw error;
  }
}

function isTaxIdViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: string; meta?: unknown };
  return code === "P2002" && JSON.stringify(meta ?? {}).includes("taxId");
}
