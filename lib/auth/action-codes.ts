import type { z } from "zod";
import type { Action, ActionContext, ActionResult } from "@/lib/actions/define-action";
import { writeAudit } from "@/lib/audit/write";
import { now } from "@/lib/clock";
import { prismaSql, withSqlTransaction } from "@/lib/db/sql";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { deliverCode } from "./code-delivery";
import {
  type CodePurpose,
  codeMatches,
  codeThrottle,
  consumeCode,
  findOpenCode,
  issueCode,
  recordWrongTry,
} from "./codes";
import { LIMITS } from "./limits";

/** The SMS that carries a code: a catalog key with a {code} placeholder, and its other values. */
export interface CodeSms {
  key: string;
  values?: Record<string, string>;
}

/** The field error a form shows beside its code field. */
const wrongCode = () => new AppError("invalid_input", "invalid_input", { code: ["invalid_code"] });

/**
 * Codes that confirm a change inside an action (the one code service, one purpose each): issued in
 * the action's transaction under the phone guard lock and the common throttle, sent by SMS after
 * the commit with no transaction held, used up in the transaction of the change they confirm, and
 * voided by the `maxWrong`-th wrong code in a row.
 */
export function actionCodes(purpose: Exclude<CodePurpose, "LOGIN">, maxWrong: number) {
  /** Codes issued by a running action, sent by its wrapper once the action has committed. */
  const pendingCodes = new WeakMap<ActionContext, { phone: string; codeId: string; code: string; sms: CodeSms }[]>();

  /**
   * Issues a fresh code to `phone` inside the action's transaction; the action must be wrapped in
   * `delivering`, which sends the SMS after the commit and withdraws the code if the gateway fails.
   */
  async function issue(
    tx: Prisma.TransactionClient,
    phone: string,
    ctx: ActionContext,
    sms: CodeSms,
  ): Promise<{ codeId: string; retryAfterSeconds: number }> {
    const pending = pendingCodes.get(ctx);
    if (!pending) throw new Error(`a ${purpose} code needs an action wrapped in its delivering()`);
    const sql = prismaSql(tx);
    const at = now();
    // Serialises code requests of one phone (the login guard row), so the throttle below is exact.
    await sql.query(
      `INSERT INTO phone_guard (phone, "failedCount", "updatedAt") VALUES ($1, 0, $2::timestamp(3))
       ON CONFLICT (phone) DO UPDATE SET phone = EXCLUDED.phone`,
      [phone, at],
    );
    const throttled = await codeThrottle(sql, phone, purpose, at);
    if (throttled?.reason === "resend_too_soon")
      throw new AppError("rate_limited", "rate_limited", undefined, { seconds: throttled.retryAfterSeconds });
    if (throttled) throw new AppError("rate_limited");
    const { id, code } = await issueCode(sql, phone, purpose, at, ctx.meta.ip);
    pending.push({ phone, codeId: id, code, sms });
    return { codeId: id, retryAfterSeconds: LIMITS.resendAfterMs / 1000 };
  }

  /**
   * Wraps an action that issues codes: after it commits, each code goes out by SMS; a gateway
   * failure withdraws the code (nothing used up) and turns the answer into "unavailable".
   */
  function delivering<A extends Pick<Action<z.ZodType, unknown>, "run">>(action: A): A {
    const run = async (rawInput: unknown, ctx: ActionContext): Promise<ActionResult<unknown>> => {
      const own: ActionContext = { ...ctx };
      pendingCodes.set(own, []);
      const result = await action.run(rawInput, own);
      const pending = pendingCodes.get(own) ?? [];
      pendingCodes.delete(own);
      if (!result.ok) return result;
      const t = translator(ctx.locale);
      for (const item of pending) {
        const sent = await deliverCode({
          phone: item.phone,
          purpose,
          codeId: item.codeId,
          text: t(item.sms.key as never, { ...item.sms.values, code: item.code } as never),
          meta: ctx.meta,
          actorPersonId: ctx.session?.person?.id ?? null,
        });
        if (!sent) {
          return {
            ok: false,
            error: {
              code: "unavailable",
              key: "unavailable",
              message: t("errors.unavailable"),
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
   * Uses up the newest open code of a phone inside the transaction of the change it confirms (and,
   * with `codeId`, only that code): a wrong, expired or used code throws a field error on `code`
   * and the whole change rolls back. A new code voids the old one.
   */
  async function consume(
    tx: Prisma.TransactionClient,
    phone: string,
    code: string,
    codeId?: string | null,
  ): Promise<void> {
    const sql = prismaSql(tx);
    const at = now();
    const open = await findOpenCode(sql, phone, purpose, at);
    if (!open || (codeId !== undefined && open.id !== codeId) || !codeMatches(open.codeHash, phone, purpose, code))
      throw wrongCode();
    if (!(await consumeCode(sql, open.id, at))) throw wrongCode();
  }

  /**
   * A wrong code rolls its whole transaction back, so failures are counted here, after the action
   * has answered: the `maxWrong`-th wrong code in a row voids the phone's open code, which bounds
   * guessing to a few tries per code (and codes to five an hour).
   */
  function countingFailures<A extends Pick<Action<z.ZodType, unknown>, "input" | "run">>(
    action: A,
    /** The phone the code went to: the acting person's own unless the action confirms another number. */
    phoneOf: (rawInput: unknown, ctx: ActionContext) => string | null | undefined = (_input, ctx) => ctx.session?.phone,
  ): A {
    const run = async (rawInput: unknown, ctx: ActionContext): Promise<ActionResult<unknown>> => {
      const result = await action.run(rawInput, ctx);
      const phone = phoneOf(rawInput, ctx);
      if (!result.ok && phone && result.error.fieldErrors?.code && action.input.safeParse(rawInput).success)
        await recordWrong(phone, ctx);
      return result;
    };
    return { ...action, run } as A;
  }

  /** Counts a wrong code on the code row and audits it, in one transaction. */
  async function recordWrong(phone: string, ctx: ActionContext): Promise<void> {
    await withSqlTransaction(async (sql) => {
      const at = now();
      const open = await findOpenCode(sql, phone, purpose, at);
      if (!open) return;
      const { attempts, voided } = await recordWrongTry(sql, open.id, maxWrong, at);
      await writeAudit(sql, {
        action: "auth.code_wrong",
        outcome: "FAILURE",
        actorPersonId: ctx.session?.person?.id ?? null,
        actorPhone: phone,
        targetType: "phone",
        targetId: phone,
        details: { purpose, attempt: attempts, codeVoided: voided },
        ip: ctx.meta.ip,
        userAgent: ctx.meta.userAgent,
        requestId: ctx.meta.requestId,
      });
    });
  }

  return { issue, delivering, consume, countingFailures };
}
