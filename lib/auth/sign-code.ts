import type { ActionContext } from "@/lib/actions/define-action";
import type { Prisma } from "@/lib/generated/prisma/client";
import { plainName } from "@/lib/sms/plain-text";
import { actionCodes } from "./action-codes";

/** Wrong signing codes in a row that void the open code; a new one must be requested. */
export const SIGN_MAX_WRONG = 3;

const codes = actionCodes("SIGN", SIGN_MAX_WRONG);

/**
 * Issues a fresh signing code (purpose SIGN of the one code service) to the signer's own phone inside
 * the action's transaction, under the same throttle as every code (60 s between codes, five an hour).
 * The SMS names the document and leaves after the commit (`deliveringSignCodes`). Returns the code's
 * id, which the caller binds to the step it signs.
 */
export function issueSignCode(
  tx: Prisma.TransactionClient,
  phone: string,
  title: string,
  ctx: ActionContext,
): Promise<{ codeId: string; retryAfterSeconds: number }> {
  return codes.issue(tx, phone, ctx, { key: "signatures.sms.code", values: { title: plainName(title, 80) } });
}

/** Wraps the action that issues signing codes: they go out by SMS once it has committed. */
export const deliveringSignCodes = codes.delivering;

/**
 * Uses up the signer's open signing code inside the transaction of the signature: it must be the
 * code sent for this step (`codeId`) and match; otherwise a field error on `code` rolls it all back.
 */
export function consumeSignCode(
  tx: Prisma.TransactionClient,
  phone: string,
  codeId: string | null,
  code: string,
): Promise<void> {
  return codes.consume(tx, phone, code, codeId);
}

/** Counts wrong signing codes after the action answered; the third in a row voids the code. */
export const countingSignFailures = codes.countingFailures;
