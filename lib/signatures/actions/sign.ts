import { defineAction } from "@/lib/actions/define-action";
import { consumeSignCode, countingSignFailures, deliveringSignCodes, issueSignCode } from "@/lib/auth/sign-code";
import { isDemoPhone } from "@/lib/demo/phones";
import { AppError } from "@/lib/errors/app-error";
import { advanceRoute } from "../progress";
import { declineSchema, signSchema, stepIdSchema } from "../schemas";
import { SIGNERS, lockOwnStep, recordSignature } from "../step";

/**
 * The signer asks for a code to sign their step (simple electronic signature): purpose SIGN of the one
 * code service, sent to their own phone after the commit, throttled like every code. The code is bound
 * to this step: only it signs it.
 */
export const requestSignCode = deliveringSignCodes(
  defineAction({
    name: "signatures.requestCode",
    input: stepIdSchema,
    access: SIGNERS,
    audit: "signature.code_sent",
    async handler({ input, tx, actor, ctx }) {
      const { step, route } = await lockOwnStep(tx, actor, input.stepId);
      if (route.purpose !== "SIGNATURE") throw new AppError("conflict", "route_not_signature");
      if (isDemoPhone(actor.phone)) throw new AppError("conflict", "demo_no_codes");
      const { codeId, retryAfterSeconds } = await issueSignCode(tx, actor.phone, route.documentTitle, ctx);
      await tx.signatureRouteStep.update({ where: { id: step.id }, data: { codeId } });
      return {
        data: { retryAfterSeconds },
        audit: {
          partnerId: route.partnerId,
          targetType: "signature_step",
          targetId: step.id,
          details: { routeId: route.id, purpose: "SIGN" },
        },
      };
    },
  }),
);

/**
 * Signs a step with the code sent for it: the signature row records who (with the name as now), when,
 * from which IP and user agent, and the SHA-256 of the version the route was sent with; the step is
 * SIGNED and the route moves on (the next person told, or the sender when all have signed). Three
 * wrong codes void the code (counted after the rolled-back attempt).
 */
export const signStep = countingSignFailures(
  defineAction({
    name: "signatures.sign",
    input: signSchema,
    access: SIGNERS,
    audit: "signature.signed",
    async handler({ input, tx, actor, ctx }) {
      const locked = await lockOwnStep(tx, actor, input.stepId);
      if (locked.route.purpose !== "SIGNATURE") throw new AppError("conflict", "route_not_signature");
      await consumeSignCode(tx, actor.phone, locked.step.codeId, input.code);
      return recordSignature(tx, locked, actor, ctx.meta, { method: "SMS" });
    },
  }),
);

/** Approves a step of an approval route (no code: an approval is not a signature). */
export const approveStep = defineAction({
  name: "signatures.approve",
  input: stepIdSchema,
  access: SIGNERS,
  audit: "signature.approved",
  async handler({ input, tx, actor }) {
    const { step, route, at } = await lockOwnStep(tx, actor, input.stepId);
    if (route.purpose !== "APPROVAL") throw new AppError("conflict", "route_not_approval");
    await tx.signatureRouteStep.update({ where: { id: step.id }, data: { status: "APPROVED", decidedAt: at } });
    const routeStatus = await advanceRoute(tx, route, at, actor.personId);
    return {
      data: { routeStatus },
      audit: {
        partnerId: route.partnerId,
        targetType: "document",
        targetId: route.documentId,
        details: { routeId: route.id, stepId: step.id, version: route.versionId, sha256: route.sha256 },
      },
    };
  },
});

/** Declines a step of either kind of route, with a required reason: the route ends as DECLINED. */
export const declineStep = defineAction({
  name: "signatures.decline",
  input: declineSchema,
  access: SIGNERS,
  audit: "signature.declined",
  async handler({ input, tx, actor }) {
    const { step, route, at } = await lockOwnStep(tx, actor, input.stepId);
    await tx.signatureRouteStep.update({
      where: { id: step.id },
      data: { status: "DECLINED", reason: input.reason, decidedAt: at },
    });
    const routeStatus = await advanceRoute(tx, route, at, actor.personId);
    return {
      data: { routeStatus },
      audit: {
        partnerId: route.partnerId,
        targetType: "document",
        targetId: route.documentId,
        details: { routeId: route.id, stepId: step.id, version: route.versionId, reason: input.reason },
      },
    };
  },
});
