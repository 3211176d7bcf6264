import { env } from "@/lib/env";
import type { Sql } from "@/lib/db/sql";
import { LIMITS } from "./limits";
import { OTP_TTL_MS, generateOtp, hashOtp, otpHashesEqual } from "./otp";
import { secondsUntil } from "./rate-limit";

/**
 * The one code service: login, confirmation and signing codes differ only in their purpose.
 * Issue (a new code voids the open one), keyed hash, constant-time compare, single use, wrong
 * tries, and withdrawal of a code the gateway never took. Plain SQL on `Sql`, so the same
 * functions run on the hot login path (a pooled pg connection) and inside Prisma transactions.
 * Callers serialise per phone by locking the phone guard row first.
 */
export type CodePurpose = "LOGIN" | "CONFIRM" | "SIGN";

const HOUR = 60 * 60_000;

/** Whether `code` is the one stored for this phone and purpose (keyed hash, constant time). */
export function codeMatches(storedHash: string, phone: string, purpose: CodePurpose, code: string): boolean {
  return otpHashesEqual(storedHash, hashOtp(env().OTP_HASH_KEY, phone, purpose, code));
}

/**
 * Resend after 60 s and at most five codes an hour per phone and purpose. Codes the gateway
 * refused do not count. Returns the refusal, or null when a code may be sent.
 */
export async function codeThrottle(
  sql: Sql,
  phone: string,
  purpose: CodePurpose,
  at: Date,
): Promise<{ reason: "resend_too_soon" | "phone_hourly_limit"; retryAfterSeconds: number } | null> {
  const recent = await sql.query<{ createdAt: Date }>(
    `SELECT "createdAt" FROM otp_code
     WHERE phone = $1 AND purpose = $2::"OtpPurpose" AND "createdAt" > $3::timestamp(3) AND "sendFailedAt" IS NULL
     ORDER BY "createdAt" DESC`,
    [phone, purpose, new Date(at.getTime() - HOUR)],
  );
  const last = recent[0];
  if (last && at.getTime() - last.createdAt.getTime() < LIMITS.resendAfterMs) {
    const retry = secondsUntil(new Date(last.createdAt.getTime() + LIMITS.resendAfterMs), at);
    return { reason: "resend_too_soon", retryAfterSeconds: retry };
  }
  if (recent.length >= LIMITS.codesPerPhonePerHour) {
    const oldest = recent[LIMITS.codesPerPhonePerHour - 1]!;
    return {
      reason: "phone_hourly_limit",
      retryAfterSeconds: secondsUntil(new Date(oldest.createdAt.getTime() + HOUR), at),
    };
  }
  return null;
}

export interface IssuedCode {
  id: string;
  /** The plain code: goes into the SMS only, never into a table or a log. */
  code: string;
}

/** Issues a fresh code, voiding the phone's open code of the same purpose, in one statement. */
export async function issueCode(
  sql: Sql,
  phone: string,
  purpose: CodePurpose,
  at: Date,
  requestIp: string | null,
): Promise<IssuedCode> {
  const code = generateOtp();
  const [row] = await sql.query<{ id: string }>(
    `WITH voided AS (
       UPDATE otp_code SET "voidedAt" = $3::timestamp(3)
       WHERE phone = $1 AND purpose = $2::"OtpPurpose" AND "consumedAt" IS NULL AND "voidedAt" IS NULL
     )
     INSERT INTO otp_code (id, phone, purpose, "codeHash", "createdAt", "expiresAt", "requestIp")
     VALUES (gen_random_uuid(), $1, $2::"OtpPurpose", $4, $3::timestamp(3), $5::timestamp(3), $6)
     RETURNING id::text AS id`,
    [
      phone,
      purpose,
      at,
      hashOtp(env().OTP_HASH_KEY, phone, purpose, code),
      new Date(at.getTime() + OTP_TTL_MS),
      requestIp,
    ],
  );
  if (!row) throw new Error("code not stored");
  return { id: row.id, code };
}

/** The newest open, unexpired code of a phone and purpose (a new code voids the old). */
export async function findOpenCode(
  sql: Sql,
  phone: string,
  purpose: CodePurpose,
  at: Date,
): Promise<{ id: string; codeHash: string } | null> {
  const [row] = await sql.query<{ id: string; codeHash: string }>(
    `SELECT id::text AS id, "codeHash" FROM otp_code
     WHERE phone = $1 AND purpose = $2::"OtpPurpose" AND "consumedAt" IS NULL AND "voidedAt" IS NULL
       AND "expiresAt" > $3::timestamp(3)
     ORDER BY "createdAt" DESC LIMIT 1`,
    [phone, purpose, at],
  );
  return row ?? null;
}

/** Uses a code up; conditional, so two concurrent checks cannot both spend it. */
export async function consumeCode(sql: Sql, id: string, at: Date): Promise<boolean> {
  const used = await sql.query(
    `UPDATE otp_code SET "consumedAt" = $2::timestamp(3)
     WHERE id = $1::uuid AND "consumedAt" IS NULL AND "voidedAt" IS NULL RETURNING id`,
    [id, at],
  );
  return used.length === 1;
}

/**
 * Counts a wrong try on the code row itself; the `maxTries`-th voids it. Returns the count and
 * whether the code is now void. (Login codes count on the phone guard instead, which also locks.)
 */
export async function recordWrongTry(
  sql: Sql,
  id: string,
  maxTries: number,
  at: Date,
): Promise<{ attempts: number; voided: boolean }> {
  const [row] = await sql.query<{ attempts: number; voided: boolean }>(
    `UPDATE otp_code SET "failedAttempts" = "failedAttempts" + 1,
       "voidedAt" = CASE WHEN "failedAttempts" + 1 >= $2 THEN $3::timestamp(3) ELSE "voidedAt" END
     WHERE id = $1::uuid AND "consumedAt" IS NULL AND "voidedAt" IS NULL
     RETURNING "failedAttempts" AS attempts, "voidedAt" IS NOT NULL AS voided`,
    [id, maxTries, at],
  );
  return row ?? { attempts: maxTries, voided: true };
}

/**
 * Withdraws a code the gateway did not take: void, and out of the resend and hourly counts
 * (codeThrottle skips it). The code it replaced is valid again, unless a newer code exists or
 * the phone is locked; the per-IP window, when given, gets its hit back. The caller holds the
 * phone guard lock.
 */
export async function withdrawUndeliveredCode(
  sql: Sql,
  id: string,
  at: Date,
  ipWindow?: { key: string; windowStart: Date },
): Promise<void> {
  await sql.query(
    `WITH withdrawn AS (
       UPDATE otp_code SET "voidedAt" = COALESCE("voidedAt", $2::timestamp(3)), "sendFailedAt" = $2::timestamp(3)
       WHERE id = $1::uuid
       RETURNING phone, purpose, "createdAt"
     ), restored AS (
       UPDATE otp_code o SET "voidedAt" = NULL
       FROM withdrawn w
       WHERE o.phone = w.phone AND o.purpose = w.purpose AND o.id <> $1::uuid AND o."voidedAt" = w."createdAt"
         AND o."consumedAt" IS NULL AND o."sendFailedAt" IS NULL AND o."expiresAt" > $2::timestamp(3)
         AND NOT EXISTS (SELECT 1 FROM otp_code n WHERE n.phone = w.phone AND n.purpose = w.purpose AND n."createdAt" > w."createdAt")
         AND NOT EXISTS (SELECT 1 FROM phone_guard g WHERE g.phone = w.phone AND g."lockedUntil" > $2::timestamp(3))
     )
     UPDATE rate_limit_bucket SET count = GREATEST(count - 1, 0)
     WHERE $3::text IS NOT NULL AND key = $3 AND "windowStart" = $4::timestamp(3)`,
    [id, at, ipWindow?.key ?? null, ipWindow?.windowStart ?? at],
  );
}
