import { writeAudit } from "@/lib/audit/write";
import { now } from "@/lib/clock";
import { TX_OPTIONS, getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma, SessionKind } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { SmsDeliveryError, getSmsProvider } from "@/lib/sms/provider";
import { OTP_TTL_MS, generateOtp, hashOtp, otpHashesEqual } from "./otp";
import { LIMITS } from "./limits";
import { hitRateLimit, peekRateLimit, secondsUntil } from "./rate-limit";
import type { RequestMeta } from "./request-meta";
import { createSession } from "./session";

export type RequestCodeResult =
  | { ok: true; retryAfterSeconds: number }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; error: "locked"; lockedUntil: Date }
  | { ok: false; error: "sms_failed" };

export type VerifyCodeResult =
  | { ok: true; token: string; sessionId: string; expiresAt: Date; registrationRequired: boolean }
  | { ok: false; error: "invalid_code"; attemptsLeft: number }
  | { ok: false; error: "locked"; lockedUntil: Date }
  | { ok: false; error: "no_active_code" }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number };

const HOUR = 60 * 60_000;

interface Guard {
  failedCount: number;
  lockedUntil: Date | null;
}

/**
 * Locks the phone's guard row for the rest of the transaction. Every code request and check for
 * a phone passes through this row, so they run one at a time per phone on every app instance:
 * 50 parallel wrong codes are counted exactly. An expired lock is lifted here (and audited).
 */
async function lockGuard(tx: Prisma.TransactionClient, phone: string, at: Date, meta: RequestMeta): Promise<Guard> {
  await tx.$executeRaw`INSERT INTO phone_guard (phone, "failedCount", "updatedAt") VALUES (${phone}, 0, ${at}) ON CONFLICT (phone) DO NOTHING`;
  const [guard] = await tx.$queryRaw<Guard[]>`SELECT "failedCount", "lockedUntil" FROM phone_guard WHERE phone = ${phone} FOR UPDATE`;
  if (!guard) throw new Error("phone guard row missing");
  if (guard.lockedUntil && guard.lockedUntil <= at) {
    await tx.phoneGuard.update({ where: { phone }, data: { failedCount: 0, lockedUntil: null } });
    await writeAudit(tx, { ...auditBase(phone, meta), action: "auth.lock_lifted", outcome: "SUCCESS", details: { lockedUntil: guard.lockedUntil.toISOString() } });
    return { failedCount: 0, lockedUntil: null };
  }
  return guard;
}

function auditBase(phone: string, meta: RequestMeta) {
  return { actorPhone: phone, ip: meta.ip, userAgent: meta.userAgent, requestId: meta.requestId, targetType: "phone", targetId: phone };
}

class SmsFailed extends Error {}

/**
 * Sends a login code. Known and unknown numbers take the same path and get the same answers.
 * The code, the throttle counters and the SMS (outbox) are written in one transaction: if the
 * gateway fails, nothing is used up and the previous code stays valid.
 */
export async function requestLoginCode(phone: string, meta: RequestMeta, locale: string): Promise<RequestCodeResult> {
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const at = now();
      const guard = await lockGuard(tx, phone, at, meta);
      const refuse = async (reason: string, result: RequestCodeResult) => {
        await writeAudit(tx, { ...auditBase(phone, meta), action: "auth.code_refused", outcome: "DENIED", details: { reason } });
        return result;
      };
      if (guard.lockedUntil) return refuse("locked", { ok: false, error: "locked", lockedUntil: guard.lockedUntil });

      const recent = await tx.otpCode.findMany({
        where: { phone, purpose: "LOGIN", createdAt: { gt: new Date(at.getTime() - HOUR) } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      });
      const last = recent[0];
      if (last && at.getTime() - last.createdAt.getTime() < LIMITS.resendAfterMs) {
        const retry = secondsUntil(new Date(last.createdAt.getTime() + LIMITS.resendAfterMs), at);
        return refuse("resend_too_soon", { ok: false, error: "rate_limited", retryAfterSeconds: retry });
      }
      if (recent.length >= LIMITS.codesPerPhonePerHour) {
        const oldest = recent[LIMITS.codesPerPhonePerHour - 1]!;
        const retry = secondsUntil(new Date(oldest.createdAt.getTime() + HOUR), at);
        return refuse("phone_hourly_limit", { ok: false, error: "rate_limited", retryAfterSeconds: retry });
      }
      const ipKey = meta.ip ? `otp-request:ip:${meta.ip}` : null;
      if (ipKey) {
        const ipHits = await peekRateLimit(tx, ipKey, HOUR, at);
        if (ipHits.count >= LIMITS.codesPerIpPerHour) {
          return refuse("ip_hourly_limit", { ok: false, error: "rate_limited", retryAfterSeconds: secondsUntil(ipHits.resetAt, at) });
        }
        await hitRateLimit(tx, ipKey, HOUR, at);
      }

      await tx.otpCode.updateMany({ where: { phone, purpose: "LOGIN", consumedAt: null, voidedAt: null }, data: { voidedAt: at } });
      const code = generateOtp();
      await tx.otpCode.create({
        data: { phone, purpose: "LOGIN", codeHash: hashOtp(env().OTP_HASH_KEY, phone, "LOGIN", code), createdAt: at, expiresAt: new Date(at.getTime() + OTP_TTL_MS), requestIp: meta.ip },
      });
      await writeAudit(tx, { ...auditBase(phone, meta), action: "auth.code_sent", outcome: "SUCCESS" });
      try {
        await getSmsProvider().send({ to: phone, text: translator(locale)("sms.loginCode", { code }) }, tx);
      } catch (error) {
        if (error instanceof SmsDeliveryError) throw new SmsFailed(error.message);
        throw error;
      }
      return { ok: true, retryAfterSeconds: LIMITS.resendAfterMs / 1000 };
    }, TX_OPTIONS);
  } catch (error) {
    if (!(error instanceof SmsFailed)) throw error;
    console.error(`[auth] ${error.message} (request ${meta.requestId})`);
    await db.$transaction((tx) =>
      writeAudit(tx, { ...auditBase(phone, meta), action: "auth.code_send_failed", outcome: "FAILURE" }),
    );
    return { ok: false, error: "sms_failed" };
  }
}

/**
 * Checks a login code. The third wrong code in a row locks the phone for 15 minutes; while
 * locked even the right code is refused. The right code starts a session in the same transaction.
 */
export async function verifyLoginCode(phone: string, code: string, meta: RequestMeta, kind: SessionKind): Promise<VerifyCodeResult> {
  return getDb().$transaction(async (tx) => {
    const at = now();
    const base = auditBase(phone, meta);
    if (meta.ip) {
      const ipHits = await peekRateLimit(tx, `otp-verify:ip:${meta.ip}`, HOUR, at);
      if (ipHits.count >= LIMITS.verifiesPerIpPerHour) {
        return { ok: false, error: "rate_limited", retryAfterSeconds: secondsUntil(ipHits.resetAt, at) } as const;
      }
    }
    const guard = await lockGuard(tx, phone, at, meta);
    if (guard.lockedUntil) {
      await writeAudit(tx, { ...base, action: "auth.code_refused", outcome: "DENIED", details: { reason: "locked" } });
      return { ok: false, error: "locked", lockedUntil: guard.lockedUntil } as const;
    }
    const active = await tx.otpCode.findFirst({
      where: { phone, purpose: "LOGIN", consumedAt: null, voidedAt: null, expiresAt: { gt: at } },
      orderBy: { createdAt: "desc" },
    });
    if (!active) {
      await writeAudit(tx, { ...base, action: "auth.code_no_active", outcome: "DENIED" });
      return { ok: false, error: "no_active_code" } as const;
    }
    if (!otpHashesEqual(active.codeHash, hashOtp(env().OTP_HASH_KEY, phone, "LOGIN", code))) {
      if (meta.ip) await hitRateLimit(tx, `otp-verify:ip:${meta.ip}`, HOUR, at);
      const failedCount = guard.failedCount + 1;
      const attemptsLeft = Math.max(0, LIMITS.maxWrongCodes - failedCount);
      await writeAudit(tx, { ...base, action: "auth.code_wrong", outcome: "FAILURE", details: { attempt: failedCount, attemptsLeft } });
      if (attemptsLeft > 0) {
        await tx.phoneGuard.update({ where: { phone }, data: { failedCount, lastFailureAt: at } });
        return { ok: false, error: "invalid_code", attemptsLeft } as const;
      }
      const lockedUntil = new Date(at.getTime() + LIMITS.lockMs);
      await tx.phoneGuard.update({ where: { phone }, data: { failedCount, lastFailureAt: at, lockedUntil } });
      await tx.otpCode.updateMany({ where: { phone, consumedAt: null, voidedAt: null }, data: { voidedAt: at } });
      await writeAudit(tx, { ...base, action: "auth.locked", outcome: "SUCCESS", details: { lockedUntil: lockedUntil.toISOString() } });
      return { ok: false, error: "locked", lockedUntil } as const;
    }

    await tx.otpCode.update({ where: { id: active.id }, data: { consumedAt: at } });
    await tx.phoneGuard.update({ where: { phone }, data: { failedCount: 0 } });
    const person = await tx.person.findUnique({ where: { phone }, select: { id: true } });
    const membership = person
      ? await tx.membership.findFirst({ where: { personId: person.id, status: "ACTIVE" }, orderBy: { createdAt: "asc" }, select: { partnerId: true, role: true } })
      : null;
    const session = await createSession(tx, { kind, personId: person?.id ?? null, phone, activePartnerId: membership?.partnerId ?? null, meta });
    await writeAudit(tx, {
      ...base,
      action: "auth.login",
      outcome: "SUCCESS",
      actorPersonId: person?.id ?? null,
      partnerId: membership?.partnerId ?? null,
      actorRole: membership?.role ?? null,
      targetType: "session",
      targetId: session.id,
      details: { kind, registrationRequired: !person },
    });
    return { ok: true, token: session.token, sessionId: session.id, expiresAt: session.expiresAt, registrationRequired: !person } as const;
  }, TX_OPTIONS);
}
