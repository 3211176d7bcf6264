import type { z } from "zod";
import type { Action, ActionContext, ActionResult } from "@/lib/actions/define-action";
import { writeAudit } from "@/lib/audit/write";
import { now } from "@/lib/clock";
import { prismaSql, withSqlTransaction } from "@/lib/db/sql";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { deliverCode } from "./code-delivery";
import { codeMatches, codeThrottle, consumeCode, findOpenCode, issueCode, recordWrongTry } from "./codes";
import { LIMITS } from "./limits";

const PURPOSE = "CONFIRM";
/** Wrong step-up codes in a row that void the open code; a new one must be requested. */
export const STEP_UP_MAX_WRONG = 3;

/** The field error a form shows beside its code field. */
const wrongCode = () => new AppError("invalid_input", "invalid_input", { code: ["invalid_code"] });

/** Codes issued by a running action, sent by its wrapper once the action has committed. */
const pendingCodes = new WeakMap<ActionContext, { phone: string; codeId: string; code: string; smsKey: string }[]>();

/**
 * Issues a fresh confirmation code to the acting person's own phone (AUTH-7) inside the action's
 * transaction. The SMS is not sent here: `deliveringCodes` sends it after the commit, with no
 * transaction held, and withdraws the code if the gateway fails.
 */
export async function issueStepUpCode(
  tx: Prisma.TransactionClient,
  phone: string,
  ctx: ActionContext,
  /** The catalog text of the SMS, with a {code} placeholder: what the code confirms. */
  smsKey = "users.sms.stepUpCode",
): Promise<{ retryAfterSeconds: number }> {
  const pending = pendingCodes.get(ctx);
  if (!pending) throw new Error("issueStepUpCode needs an action wrapped in deliveringCodes");
  const sql = prismaSql(tx);
  const at = now();
  // Serialises code requests of one phone (the login guard row), so the throttle below is exact.
  await sql.query(
    `INSERT INTO phone_guard (phone, "failedCount", "updatedAt") VALUES ($1, 0, $2::timestamp(3))
     ON CONFLICT (phone) DO UPDATE SET phone = EXCLUDED.phone`,
    [phone, at],
  );
  const throttled = await codeThrottle(sql, phone, PURPOSE, at);
  if (throttled?.reason === "resend_too_soon")
    throw new AppError("rate_limited", "rate_limited", undefined, { seconds: throttled.retryAfterSeconds });
  if (throttled) throw new AppError("rate_limited");
  const { id, code } = await issueCode(sql, phone, PURPOSE, at, ctx.meta.ip);
  pending.push({ phone, codeId: id, code, smsKey });
  return { retryAfterSeconds: LIMITS.resendAfterMs / 1000 };
}

/**
 * Wraps an action that issues codes: after it commits, each code goes out by SMS; a gateway
 * failure withdraws the code (nothing used up) and turns the answer into "unavailable".
 */
export function deliveringCodes<A extends Pick<Action<z.ZodType, unknown>, "run">>(action: A): A {
  const run = async (rawInput: unknown, ctx: ActionContext): Promise<ActionResult<unknown>> => {
    const own: ActionContext = { ...ctx };
    pendingCodes.set(own, []);
    const result = await action.run(rawInput, own);
    const pending = pendingCodes.get(own) ?? [];
    pendingCodes.delete(own);
    if (!result.ok) return result;
    for (const item of pending) {
      const sent = await deliverCode({
        phone: item.phone,
        purpose: PURPOSE,
        codeId: item.codeId,
        text: translator(ctx.locale)(item.smsKey as never, { code: item.code } as never),
        meta: ctx.meta,
        actorPersonId: ctx.session?.person?.id ?? null,
      });
      if (!sent) {
        return {
          ok: false,
          error: {
            code: "unavailable",
            key: "unavailable",
            message: translator(ctx.locale)("errors.unavailable"),
            requestId: ctx.meta.requestId,
          },
        };
      }
    }
    return result;
  };
  return { ...action, run } as A;
}

/**
 * Uses up the newest open confirmation code of a phone, inside the transaction of the change it
 * confirms: a wrong, expired or already used code throws a field error on `code` and the whole
 * change rolls back. Only the newest code counts (a new one voids the old).
 */
export async function consumeStepUpCode(tx: Prisma.TransactionClient, phone: string, code: string): Promise<void> {
  const sql = prismaSql(tx);
  const at = now();
  const open = await findOpenCode(sql, phone, PURPOSE, at);
  if (!open || !codeMatches(open.codeHash, phone, PURPOSE, code)) throw wrongCode();
  if (!(await consumeCode(sql, open.id, at))) throw wrongCode();
}

/**
 * A wrong code rolls its whole transaction back, so failures are counted here, after the action
 * has answered: the third wrong code in a row voids the phone's open confirmation code, which
 * bounds guessing to a few tries per code (and codes to five an hour).
 */
export function countingStepUpFailures<A extends Pick<Action<z.ZodType, unknown>, "input" | "run">>(
  action: A,
  /** The phone the code went to: the acting person's own unless the action confirms another number. */
  phoneOf: (rawInput: unknown, ctx: ActionContext) => string | null | undefined = (_input, ctx) => ctx.session?.phone,
): A {
  const run = async (rawInput: unknown, ctx: ActionContext): Promise<ActionResult<unknown>> => {
    const result = await action.run(rawInput, ctx);
    const phone = phoneOf(rawInput, ctx);
    if (!result.ok && phone && result.error.fieldErrors?.code && action.input.safeParse(rawInput).success)
      await recordWrongStepUpCode(phone, ctx);
    return result;
  };
  return { ...action, run } as A;
}

/** Counts a wrong confirmation code on the code row and audits it, in one transaction. */
async function recordWrongStepUpCode(phone: string, ctx: ActionContext): Promise<void> {
  await withSqlTransaction(async (sql) => {
    const at = now();
    const open = await findOpenCode(sql, phone, PURPOSE, at);
    if (!open) return;
    const { attempts, voided } = await recordWrongTry(sql, open.id, STEP_UP_MAX_WRONG, at);
    await writeAudit(sql, {
      action: "auth.code_wrong",
      outcome: "FAILURE",
      actorPersonId: ctx.session?.person?.id ?? null,
      actorPhone: phone,
      targetType: "phone",
      targetId: phone,
      details: { purpose: PURPOSE, attempt: attempts, codeVoided: voided },
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent,
      requestId: ctx.meta.requestId,
    });
  });
}
