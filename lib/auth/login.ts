import { writeAudit, type AuditEntry } from "@/lib/audit/write";
import { now } from "@/lib/clock";
import { withSqlTransaction } from "@/lib/db/sql";
import type { SessionKind } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { deliverCode } from "./code-delivery";
import { codeMatches, codeThrottle, issueCode } from "./codes";
import { LIMITS } from "./limits";
import { lockPhoneGuard, phoneAuditBase, recordWrongCode } from "./phone-guard";
import { hitRateLimit, rateWindow, secondsUntil } from "./rate-limit";
import type { RequestMeta } from "./request-meta";
import { createSession } from "./session";

export type RequestCodeResult =
  | { ok: true; retryAfterSeconds: number }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; error: "locked"; lockedUntil: Date }
  | { ok: false; error: "blocked" }
  | { ok: false; error: "sms_failed" };

export type VerifyCodeResult =
  | { ok: true; token: string; sessionId: string; expiresAt: Date; registrationRequired: boolean }
  | { ok: false; error: "invalid_code"; attemptsLeft: number }
  | { ok: false; error: "locked"; lockedUntil: Date }
  | { ok: false; error: "no_active_code" }
  | { ok: false; error: "blocked" }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number };

const HOUR = 60 * 60_000;

type Issued = { ok: true; codeId: string; code: string; ip?: { key: string; windowStart: Date } };

/**
 * Sends a login code. Known and unknown numbers take the same path and get the same answers.
 * The code, the throttle counters and the audit row are committed first; the SMS is sent after,
 * with no lock held. If the gateway fails, a compensating transaction withdraws the code and the
 * counts, so nothing is used up (lib/auth/code-delivery.ts).
 */
export async function requestLoginCode(phone: string, meta: RequestMeta, locale: string): Promise<RequestCodeResult> {
  const base = phoneAuditBase(phone, meta);
  const issued = await withSqlTransaction(async (sql): Promise<Issued | RequestCodeResult> => {
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
    // A person blocked pending review (AUD-5) gets no code: nothing is sent.
    if (guard.blocked) return refuse("blocked", { ok: false, error: "blocked" });
    if (guard.lockedUntil) return refuse("locked", { ok: false, error: "locked", lockedUntil: guard.lockedUntil });

    const throttled = await codeThrottle(sql, phone, "LOGIN", at);
    if (throttled)
      return refuse(throttled.reason, {
        ok: false,
        error: "rate_limited",
        retryAfterSeconds: throttled.retryAfterSeconds,
      });
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
    const { id, code } = await issueCode(sql, phone, "LOGIN", at, meta.ip);
    await writeAudit(sql, { ...base, action: "auth.code_sent", outcome: "SUCCESS" }, guard.head);
    return { ok: true, codeId: id, code, ip };
  });
  if (!("codeId" in issued)) return issued;

  const sent = await deliverCode({
    phone,
    purpose: "LOGIN",
    codeId: issued.codeId,
    text: translator(locale)("sms.loginCode", { code: issued.code }),
    meta,
    ipWindow: issued.ip,
  });
  if (!sent) return { ok: false, error: "sms_failed" };
  return { ok: true, retryAfterSeconds: LIMITS.resendAfterMs / 1000 };
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
    if (guard.blocked) {
      // Blocked pending review: even a code sent before the block opens no session.
      await writeAudit(
        sql,
        { ...base, action: "auth.code_refused", outcome: "DENIED", details: { reason: "blocked" } },
        guard.head,
      );
      return { ok: false, error: "blocked" };
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
    if (!codeMatches(active.codeHash, phone, "LOGIN", code)) {
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
