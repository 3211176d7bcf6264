import type { ActionContext } from "@/lib/actions/define-action";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actionCodes } from "./action-codes";

/** Wrong step-up codes in a row that void the open code; a new one must be requested. */
export const STEP_UP_MAX_WRONG = 3;

const codes = actionCodes("CONFIRM", STEP_UP_MAX_WRONG);

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
  const { retryAfterSeconds } = await codes.issue(tx, phone, ctx, { key: smsKey });
  return { retryAfterSeconds };
}

/** Wraps an action that issues confirmation codes: they go out by SMS once it has committed. */
export const deliveringCodes = codes.delivering;

/**
 * Uses up the newest open confirmation code of a phone, inside the transaction of the change it
 * confirms: a wrong, expired or already used code throws a field error on `code` and the whole
 * change rolls back.
 */
export function consumeStepUpCode(tx: Prisma.TransactionClient, phone: string, code: string): Promise<void> {
  return codes.consume(tx, phone, code);
}

/** Counts wrong confirmation codes after the action answered; the third in a row voids the code. */
export const countingStepUpFailures = codes.countingFailures;
