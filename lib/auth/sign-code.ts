import type { z } from "zod";
import type { Action, ActionContext, ActionResult } from "@/lib/actions/define-action";
import { writeAudit } from "@/lib/audit/write";
import { now } from "@/lib/clock";
import { prismaSql, withSqlTransaction } from "@/lib/db/sql";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { plainName } from "@/lib/sms/plain-text";
import { deliverCode } from "./code-delivery";
import { codeMatches, codeThrottle, consumeCode, findOpenCode, issueCode, recordWrongTry } from "./codes";
import { LIMITS } from "./limits";

const PURPOSE = "SIGN";
/** Wrong signing codes in a row that void the open code; a new one must be requested. */
export const SIGN_MAX_WRONG = 3;

const wrongCode = () => new AppError("invalid_input", "invalid_input", { code: ["invalid_code"] });

/** Signing codes issued by a running action, sent by its wrapper once the action has committed. */
const pendingCodes = new WeakMap<ActionContext, { phone: string; codeId: string; code: string; title: string }[]>();

/**
 * Issues a fresh signing code (purpose SIGN of the one code service) to the signer's own phone inside
 * the action's transaction, under the phone guard lock and the same throttle as every code (60 s
 * between codes, five an hour). The SMS leaves after the commit (`deliveringSignCodes`). Returns the
 * code's id, which the caller binds to the step it signs.
 */
export async function issueSignCode(
  tx: Prisma.TransactionClient,
  phone: string,
  title: string,
  ctx: ActionContext,
): Promise<{ codeId: string; retryAfterSeconds: number }> {
  const pending = pendingCodes.get(ctx);
  if (!pending) throw new Error("issueSignCode needs an action wrapped in deliveringSignCodes");
  const sql = prismaSql(tx);
  const at = now();
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
  pending.push({ phone, codeId: id, code, title });
  return { codeId: id, retryAfterSeconds: LIMITS.resendAfterMs / 1000 };
}

/**
 * Wraps the action that issues signing codes: after it commits, each code goes out by SMS with no
 * transaction held; a gateway failure withdraws the code and answers "unavailable".
 */
export function deliveringSignCodes<A extends Pick<Action<z.ZodType, unknown>, "run">>(action: A): A {
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
        text: translator(ctx.locale)(
          "signatures.sms.code" as never,
          {
            code: item.code,
            title: plainName(item.title, 80),
          } as never,
        ),
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
 * Uses up the signer's open signing code inside the transaction of the signature: it must be the
 * code sent for this step (`codeId`) and match; otherwise a field error on `code` rolls it all back.
 */
export async function consumeSignCode(
  tx: Prisma.TransactionClient,
  phone: string,
  codeId: string | null,
  code: string,
): Promise<void> {
  const sql = prismaSql(tx);
  const at = now();
  const open = await findOpenCode(sql, phone, PURPOSE, at);
  if (!open || open.id !== codeId || !codeMatches(open.codeHash, phone, PURPOSE, code)) throw wrongCode();
  if (!(await consumeCode(sql, open.id, at))) throw wrongCode();
}

/**
 * A wrong code rolls the signature's transaction back, so failures are counted after the action has
 * answered: the third wrong code in a row voids the open signing code (a new one must be asked for).
 */
export function countingSignFailures<A extends Pick<Action<z.ZodType, unknown>, "input" | "run">>(action: A): A {
  const run = async (rawInput: unknown, ctx: ActionContext): Promise<ActionResult<unknown>> => {
    const result = await action.run(rawInput, ctx);
    const phone = ctx.session?.phone;
    if (!result.ok && phone && result.error.fieldErrors?.code && action.input.safeParse(rawInput).success)
      await recordWrongSignCode(phone, ctx);
    return result;
  };
  return { ...action, run } as A;
}

async function recordWrongSignCode(phone: string, ctx: ActionContext): Promise<void> {
  await withSqlTransaction(async (sql) => {
    const at = now();
    const open = await findOpenCode(sql, phone, PURPOSE, at);
    if (!open) return;
    const { attempts, voided } = await recordWrongTry(sql, open.id, SIGN_MAX_WRONG, at);
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
