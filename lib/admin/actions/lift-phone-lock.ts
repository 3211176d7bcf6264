import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors/app-error";
import { liftPhoneLockSchema } from "../schemas";

/**
 * An operator lifts a phone's sign-in block before its 15 minutes run out (AUTH-3). The guard row is
 * locked while it is read and cleared, the same row every code request and check of the phone locks.
 */
export const liftPhoneLock = defineAction({
  name: "admin.liftPhoneLock",
  input: liftPhoneLockSchema,
  access: { operator: "platform.partners.manage" },
  audit: "admin.lock_lifted",
  async handler({ input, tx }) {
    const at = now();
    const [guard] = await tx.$queryRaw<{ lockedUntil: Date | null; failedCount: number }[]>`
      SELECT "lockedUntil", "failedCount" FROM phone_guard WHERE phone = ${input.phone} FOR UPDATE`;
    if (!guard?.lockedUntil || guard.lockedUntil <= at) throw new AppError("conflict", "phone_not_locked");
    await tx.phoneGuard.update({
      where: { phone: input.phone },
      data: { lockedUntil: null, failedCount: 0 },
    });
    // Audit rows name people by id, not by number; a number with no person yet stays unnamed.
    const person = await tx.person.findUnique({ where: { phone: input.phone }, select: { id: true } });
    return {
      data: { phone: input.phone },
      audit: {
        targetType: person ? "person" : "phone",
        targetId: person?.id ?? null,
        details: { lockedUntil: guard.lockedUntil.toISOString(), failedCount: guard.failedCount },
      },
    };
  },
});
