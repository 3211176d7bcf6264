import { AppError, notFound } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isDemoPhone } from "./phones";

/**
 * The demo cabinet a primary user may turn into a real Partner: one still due for the purge
 * (`demoExpiresAt` set). Any other cabinet is "not found", as if the conversion did not exist there.
 */
export async function convertibleDemo(tx: Prisma.TransactionClient, partnerId: string) {
  const partner = await tx.partner.findUnique({
    where: { id: partnerId },
    select: { id: true, demoExpiresAt: true, status: true, name: true },
  });
  if (!partner?.demoExpiresAt || partner.status !== "DEMO") throw notFound();
  return partner;
}

/**
 * The number the visitor gives must be a real one nobody uses yet: a number already registered
 * belongs to someone who logs in with it (no merge of two people's data).
 */
export async function assertNewRealPhone(tx: Prisma.TransactionClient, phone: string): Promise<void> {
  if (isDemoPhone(phone)) throw new AppError("invalid_input", "invalid_input", { phone: ["invalid_phone"] });
  if (await tx.person.findUnique({ where: { phone }, select: { id: true } })) throw phoneTaken();
}

/** A number that already has an account: log in with it instead (a field error beside the number). */
export function phoneTaken(): AppError {
  return new AppError("conflict", "invalid_input", { phone: ["demo_phone_registered"] });
}
