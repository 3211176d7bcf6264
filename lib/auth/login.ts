import { writeAudit, type AuditEntry } from "@/lib/audit/write";
import { now } from "@/lib/clock";
import { TX_OPTIONS, getDb } from "@/lib/db/client";
import { prismaSql, withSqlTransaction } from "@/lib/db/sql";
import { env } from "@/lib/env";
import type { SessionKind } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { SmsDeliveryError, getSmsProvider } from "@/lib/sms/provider";
import { LIMITS } from "./limits";
import { OTP_TTL_MS, generateOtp, hashOtp, otpHashesEqual } from "./otp";
import { lockPhoneGuard, phoneAuditBase, recordWrongCode } from "./phone-guard";
import { hitRateLimit, rateWindow, secondsUntil } from "./rate-limit";
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

class SmsFailed extends Error {}

/**
 * Sends a login code. Known and unknown numbers take the same path and get the same answers.
 * The code, the throttle counters and the SMS (outbox) are written in one transaction: if the
 * gateway fails, nothing is used up and the previous code stays valid.
 */
export async function requestLoginCode(phone: string, meta: RequestMeta, locale: string): Promise<RequestCodeResult> {
  const db = getDb();
  const base = phoneAuditBase(phone, meta);
  try {
    return await db.$transaction(async (tx) => {
      const sql = prismaSql(tx);
      const at = now();
      const ip = meta.ip ? rateWindow(`otp-request:ip:${meta.ip}`, HOUR, at) : undefined;
      const guard = await lockPhoneGuard(sql, phone, at, meta, ip);
      const refuse = async (reason: string, result: RequestCodeResult) => {
        await writeAudit(
          sql,
          { ...base, action: "auth.code_refused", outcome: "DENIED", details: { reason } },
          guard.head,
        );
        return result;
      };
      if (guard.lockedUntil) return refuse("locked", { ok: false, error: "locked", lockedUntil: guard.lockedUntil });

      const recent = await sql.query<{ createdAt: Date }>(
        `SELECT "createdAt" FROM otp_code WHERE phone = $1 AND purpose = 'LOGIN' AND "createdAt" > $2::timestamp(3) ORDER BY "createdAt" DESC`,
        [phone, new Date(at.getTime() - HOUR)],
      );
      const last = recent[0];
      if (last && at.getTime() - last.createdAt.getTime() < LIMITS.resendAfterMs) {
        const retry = secondsUntil(new Date(last.createdAt.getTime() + LIMITS.resendAfterMs), at);
        return refuse("resend_too_soon", { ok: false, error: "rate_limited", retryAfterSeconds: retry });
      }
      if (recent.length >= LIMITS.codesPerPhonePerHour) {
        const oldest = recent[LIMITS.codesPerPhonePerHour - 1]!;
        return refuse("phone_hourly_limit", {
          ok: false,
          error: "rate_limited",
          retryAfterSeconds: secondsUntil(new Date(oldest.createdAt.getTime() + HOUR), at),
        });
      }
      if (ip) {
        if (guard.ipCount >= LIMITS.codesPerIpPerHour) {
          return refuse("ip_hourly_limit", {
            ok: false,
            error: "rate_limited",
            retryAfterSeconds: secondsUntil(ip.resetAt, at),
          });
        }
        await hitRateLimit(sql, ip.key, HOUR, at);
      }

      await tx.otpCode.updateMany({
        where: { phone, purpose: "LOGIN", consumedAt: null, voidedAt: null },
        data: { voidedAt: at },
      });
      const code = generateOtp();
      await tx.otpCode.create({
        data: {
          phone,
          purpose: "LOGIN",
          codeHash: hashOtp(env().OTP_HASH_KEY, phone, "LOGIN", code),
          createdAt: at,
          expiresAt: new Date(at.getTime() + OTP_TTL_MS),
          requestIp: meta.ip,
        },
      });
      await writeAudit(sql, { ...base, action: "auth.code_sent", outcome: "SUCCESS" }, guard.head);
      try {
        await getSmsProvider().send({ to: phone, text: translator(locale)("sms.loginCode", { code }) }, tx);
      } catch (error) {
        if (error instanceof SmsDeliveryError) throw new SmsFailed(error.message);
        throw error;
      }
      return { ok: true, retryAfterSeconds: LIMITS.resendAfterMs / 1000 } as const;
    }, TX_OPTIONS);
  } catch (error) {
    if (!(error instanceof SmsFailed)) throw error;
    console.error(`[auth] ${error.message} (request ${meta.requestId})`);
    await db.$transaction((tx) => writeAudit(tx, { ...base, action: "auth.code_send_failed", outcome: "FAILURE" }));
    return { ok: false, error: "sms_failed" };
  }
}

/**
 * Checks a login code. The third wrong code in a row locks the phone for 15 minutes; while
 * locked even the right code is refused. The right code starts a session in the same transaction.
 * Written in plain SQL on a pooled connection: this is the path an attacker hammers.
 */
export async function verifyLoginCode(
  phone: string,
  code: string,
  meta: RequestMeta,
  kind: SessionKind,
): Promise<VerifyCodeResult> {
  return withSqlTransaction(async (sql): Promise<VerifyCodeResult> => {
    const at = now();
    const base = phoneAuditBase(phone, meta);
    const ip = meta.ip ? rateWindow(`otp-verify:ip:${meta.ip}`, HOUR, at) : undefined;
    const guard = await lockPhoneGuard(sql, phone, at, meta, ip, true);
    if (ip && guard.ipCount >= LIMITS.verifiesPerIpPerHour) {
      await writeAudit(
        sql,
        { ...base, action: "auth.code_refused", outcome: "DENIED", details: { reason: "ip_hourly_limit" } },
        guard.head,
      );
      return { ok: false, error: "rate_limited", retryAfterSeconds: secondsUntil(ip.resetAt, at) };
    }
    if (guard.lockedUntil) {
      await writeAudit(
        sql,
        { ...base, action: "auth.code_refused", outcome: "DENIED", details: { reason: "locked" } },
        guard.head,
      );
      return { ok: false, error: "locked", lockedUntil: guard.lockedUntil };
    }
    const active = guard.activeCode;
    if (!active) {
      await writeAudit(sql, { ...base, action: "auth.code_no_active", outcome: "DENIED" }, guard.head);
      return { ok: false, error: "no_active_code" };
    }
    if (!otpHashesEqual(active.codeHash, hashOtp(env().OTP_HASH_KEY, phone, "LOGIN", code))) {
      const { failedCount, lockedUntil } = await recordWrongCode(
        sql,
        phone,
        guard,
        at,
        { lockMs: LIMITS.lockMs, maxWrong: LIMITS.maxWrongCodes },
        (result) => {
          const attemptsLeft = Math.max(0, LIMITS.maxWrongCodes - result.failedCount);
          const wrong: AuditEntry = {
            ...base,
            action: "auth.code_wrong",
            outcome: "FAILURE",
            details: { attempt: result.failedCount, attemptsLeft },
          };
          if (!result.lockedUntil) return [wrong];
          return [
            wrong,
            {
              ...base,
              action: "auth.locked",
              outcome: "SUCCESS",
              details: { lockedUntil: result.lockedUntil.toISOString() },
            },
          ];
        },
        ip,
      );
      if (lockedUntil) return { ok: false, error: "locked", lockedUntil };
      return { ok: false, error: "invalid_code", attemptsLeft: Math.max(0, LIMITS.maxWrongCodes - failedCount) };
    }

    // Conditional: a concurrent check of the same phone may have used this code since it was read.
    const consumed = await sql.query(
      `WITH used AS (UPDATE otp_code SET "consumedAt" = $2::timestamp(3) WHERE id = $3::uuid AND "consumedAt" IS NULL AND "voidedAt" IS NULL RETURNING id),
            reset AS (UPDATE phone_guard SET "failedCount" = 0, "updatedAt" = $2::timestamp(3) WHERE phone = $1 AND EXISTS (SELECT 1 FROM used))
       SELECT id FROM used`,
      [phone, at, active.id],
    );
    if (consumed.length === 0) {
      await writeAudit(sql, { ...base, action: "auth.code_no_active", outcome: "DENIED" }, guard.head);
      return { ok: false, error: "no_active_code" };
    }
    const [member] = await sql.query<{ personId: string; partnerId: string | null; role: string | null }>(
      `SELECT p.id AS "personId", m."partnerId", m.role::text AS role
       FROM person p
       LEFT JOIN LATERAL (
         SELECT m."partnerId", m.role FROM membership m JOIN partner pa ON pa.id = m."partnerId"
         WHERE m."personId" = p.id AND m.status = 'ACTIVE' AND pa.status IN ('DEMO', 'ACTIVE')
         ORDER BY m."createdAt" ASC LIMIT 1
       ) m ON true
       WHERE p.phone = $1`,
      [phone],
    );
    const session = await createSession(sql, {
      kind,
      personId: member?.personId ?? null,
      phone,
      activePartnerId: member?.partnerId ?? null,
      meta,
    });
    await writeAudit(sql, {
      ...base,
      action: "auth.login",
      outcome: "SUCCESS",
      actorPersonId: member?.personId ?? null,
      partnerId: member?.partnerId ?? null,
      actorRole: member?.role ?? null,
      targetType: "session",
      targetId: session.id,
      details: { kind, registrationRequired: !member },
    });
    return {
      ok: true,
      token: session.token,
      sessionId: session.id,
      expiresAt: session.expiresAt,
      registrationRequired: !member,
    };
  });
}
