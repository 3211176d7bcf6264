"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/define-action";
import { stateFormAction } from "@/lib/actions/form-action";
import { webActionContext } from "@/lib/actions/web";
import { createRoute } from "@/lib/signatures/actions/create-route";
import { approveStep, declineStep, requestSignCode, signStep } from "@/lib/signatures/actions/sign";
import { signStepEcp } from "@/lib/signatures/actions/sign-ecp";

export interface SignFormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Counts answers, so a form can reset itself after each success. */
  nonce?: number;
  /** A code was sent: the form shows the code field. */
  codeSent?: boolean;
}

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

function answer(result: ActionResult<unknown>, previous: SignFormState | undefined, extra?: SignFormState) {
  const nonce = (typeof previous?.nonce === "number" ? previous.nonce : 0) + 1;
  if (result.ok) return { ok: true, nonce, ...extra };
  return { ok: false, message: result.error.message, fieldErrors: result.error.fieldErrors, nonce };
}

function refresh(documentId: string) {
  revalidatePath(`/cabinet/documents/${documentId}`);
  revalidatePath(`/desk/documents/${documentId}`);
  revalidatePath(`/shared/documents/${documentId}`);
}

/**
 * Sends the page's document on a route. People come as `member`/`staff` person ids, each with an
 * `order-<id>` number, and at most one counterparty typed in (`cp-*`, order `order-counterparty`).
 */
export const createRouteAction = stateFormAction<SignFormState>(async (form, previous) => {
  const documentId = text(form, "documentId");
  const order = (key: string, fallback: number) => {
    const n = Number(text(form, `order-${key}`));
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  const signers: { at: number; value: Record<string, string> }[] = [];
  let i = 0;
  for (const kind of ["member", "staff"] as const)
    for (const personId of form.getAll(kind).map(String))
      signers.push({ at: order(personId, 100 + i++), value: { kind, personId } });
  if (text(form, "cp-phone").trim())
    signers.push({
      at: order("counterparty", 100 + i++),
      value: {
        kind: "counterparty",
        phone: text(form, "cp-phone"),
        name: text(form, "cp-name"),
        organisationName: text(form, "cp-organisationName"),
        organisationBin: text(form, "cp-organisationBin"),
      },
    });
  const deadline = text(form, "deadline");
  const result = await createRoute.run(
    {
      documentId,
      purpose: text(form, "purpose"),
      ordering: text(form, "ordering"),
      // A date from the form means the end of that day in Almaty (UTC+5).
      deadline: deadline ? `${deadline}T23:59:59+05:00` : undefined,
      signers: signers.sort((a, b) => a.at - b.at).map((s) => s.value),
    },
    await webActionContext(),
  );
  if (result.ok) refresh(documentId);
  return answer(result, previous);
});

/** Asks for a signing code for one's own step. */
export const requestSignCodeAction = stateFormAction<SignFormState>(async (form, previous) => {
  const result = await requestSignCode.run({ stepId: text(form, "stepId") }, await webActionContext());
  return answer(result, previous, { codeSent: true });
});

/** Signs one's own step with the code, approves it (approval routes), or declines it with a reason. */
export const decideStepAction = stateFormAction<SignFormState>(async (form, previous) => {
  const stepId = text(form, "stepId");
  const ctx = await webActionContext();
  const decision = text(form, "decision");
  const result =
    decision === "sign"
      ? await signStep.run({ stepId, code: text(form, "code") }, ctx)
      : decision === "approve"
        ? await approveStep.run({ stepId }, ctx)
        : await declineStep.run({ stepId, reason: text(form, "reason") }, ctx);
  if (result.ok) refresh(text(form, "documentId"));
  else if (decision === "sign") return { ...answer(result, previous), codeSent: true };
  return answer(result, previous);
});

/**
 * Signs one's own step with the CMS NCALayer made in the browser (the bytes came from the step's
 * content route); the IIN only on the person's first ЭЦП signature.
 */
export async function signEcpAction(input: {
  documentId: string;
  stepId: string;
  cms: string;
  iin?: string;
}): Promise<SignFormState> {
  const result = await signStepEcp.run(
    { stepId: input.stepId, cms: input.cms, ...(input.iin ? { iin: input.iin } : {}) },
    await webActionContext(),
  );
  if (result.ok) refresh(input.documentId);
  return answer(result, undefined);
}
