import type { z } from "zod";
import type { Action, ActionContext, ActionResult } from "@/lib/actions/define-action";
import { writeAudit } from "@/lib/audit/write";
import { now } from "@/lib/clock";
import { TX_OPTIONS, getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { SmsDeliveryError, getSmsProvider } from "@/lib/sms/provider";
import { LIMITS } from "./limits";
import { OTP_TTL_MS, generateOtp, hashOtp, otpHashesEqual } from "./otp";
import { secondsUntil } from "./rate-limit";

const PURPOSE = "CONFIRM";
const HOUR = 60 * 60_000;
/** Wrong step-up codes in a row that void the open code; a new one must be requested. */
export const STEP_UP_MAX_WRONG = 3;

/** The field error a form shows beside its code field. */
const wrongCode = () => new AppError("invalid_input", "invalid_input", { code: ["invalid_code"] });

/**
 * Sends a fresh confirmation code to the acting person's own phone (AUTH-7). Runs inside the
 * action's transaction: the SMS goes through the outbox/provider there, so a failed send rolls the
 * code back and the previous code stays valid.
 */
export async function issueStepUpCode(
  tx: Prisma.TransactionClient,
  phone: string,
  locale: string,
  ip: string | null,
): Promise<{ retryAfterSeconds: number }> {
  const at = now();
  // Serialises code requests of one phone (the login guard row), so the throttle below is exact.
  await tx.$executeRaw`INSERT INTO phone_guard (phone, "failedCount", "updatedAt") VALUES (${phone}, 0, ${at}) ON CONFLICT (phone) DO UPDATE SET phone = EXCLUDED.phone`;
  const recent = await tx.otpCode.findMany({
    where: { phone, purpose: PURPOSE, createdAt: { gt: new Date(at.getTime() - HOUR) } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const last = recent[0];
  if (last && at.getTime() - last.createdAt.getTime() < LIMITS.resendAfterMs) {
    throw new AppError("rate_limited", "rate_limited", undefined, {
      seconds: secondsUntil(new Date(last.createdAt.getTime() + LIMITS.resendAfterMs), at),
    });
  }
  if (recent.length >= LIMITS.codesPerPhonePerHour) throw new AppError("rate_limited");

  await tx.otpCode.updateMany({
    where: { phone, purpose: PURPOSE, consumedAt: null, voidedAt: null },
    data: { voidedAt: at },
  });
  const code = generateOtp();
  await tx.otpCode.create({
    data: {
      phone,
      purpose: PURPOSE,
      codeHash: hashOtp(env().OTP_HASH_KEY, phone, PURPOSE, code),
      createdAt: at,
      expiresAt: new Date(at.getTime() + OTP_TTL_MS),
      requestIp: ip,
    },
  });
  try {
    await getSmsProvider().send({ to: phone, text: translator(locale)("users.sms.stepUpCode", { code }) }, tx);
  } catch (error) {
    if (error instanceof SmsDeliveryError) {
      console.error(`[step-up] ${error.message}`);
      throw new AppError("unavailable");
    }
    throw error;
  }
  return { retryAfterSeconds: LIMITS.resendAfterMs / 1000 };
}

/**
 * Uses up the newest open confirmation code of a phone, inside the transaction of the change it
 * confirms: a wrong, expired or already used code throws a field error on `code` and the whole
 * change rolls back. Only the newest code counts (a new one voids the old).
 */
export async function consumeStepUpCode(tx: Prisma.TransactionClient, phone: string, code: string): Promise<void> {
  const at = now();
  const newest = await tx.otpCode.findFirst({
    where: { phone, purpose: PURPOSE, consumedAt: null, voidedAt: null, expiresAt: { gt: at } },
    orderBy: { createdAt: "desc" },
    select: { id: true, codeHash: true },
  });
  if (!newest || !otpHashesEqual(newest.codeHash, hashOtp(env().OTP_HASH_KEY, phone, PURPOSE, code))) throw wrongCode();
  // Conditional, so two concurrent changes cannot both spend the same code.
  const used = await tx.otpCode.updateMany({
    where: { id: newest.id, consumedAt: null, voidedAt: null },
    data: { consumedAt: at },
  });
  if (used.count !== 1) throw wrongCode();
}

/**
 * A wrong code rolls its whole transaction back, so failures are counted here, after the action
 * has answered: the third wrong code in a row voids the phone's open confirmation code, which
 * bounds guessing to a few tries per code (and codes to five an hour).
 */
export function countingStepUpFailures<A extends Pick<Action<z.ZodType, unknown>, "input" | "run">>(action: A): A {
  const run = async (rawInput: unknown, ctx: ActionContext): Promise<ActionResult<unknown>> => {
    const result = await action.run(rawInput, ctx);
    const phone = ctx.session?.phone;
    if (!result.ok && phone && result.error.fieldErrors?.code && action.input.safeParse(rawInput).success)
      await recordWrongStepUpCode(phone, ctx);
    return result;
  };
  return { ...action, run } as A;
}

/** Counts a wrong confirmation code and audits it, in one transaction. */
async function recordWrongStepUpCode(phone: string, ctx: ActionContext): Promise<void> {
  const at = now();
  await getDb().$transaction(async (tx) => {
    const open = await tx.otpCode.findFirst({
      where: { phone, purpose: PURPOSE, consumedAt: null, voidedAt: null, expiresAt: { gt: at } },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (!open) return;
    // One counter per open code: a new code starts again from zero.
    const key = `step-up-wrong:${open.id}`;
    const bucket = await tx.rateLimitBucket.upsert({
      where: { key_windowStart: { key, windowStart: new Date(0) } },
      create: { key, windowStart: new Date(0), count: 1 },
      update: { count: { increment: 1 } },
    });
    const voided = bucket.count >= STEP_UP_MAX_WRONG;
    if (voided)
      await tx.otpCode.updateMany({ where: { id: open.id, consumedAt: null, voidedAt: null }, data: { voidedAt: at } });
    await writeAudit(tx, {
      action: "auth.code_wrong",
      outcome: "FAILURE",
      actorPersonId: ctx.session?.person?.id ?? null,
      actorPhone: phone,
      targetType: "phone",
      targetId: phone,
      details: { purpose: PURPOSE, attempt: bucket.count, codeVoided: voided },
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent,
      requestId: ctx.meta.requestId,
    });
  }, TX_OPTIONS);
}
