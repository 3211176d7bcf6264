"use server";

import { revalidatePath } from "next/cache";
import { nextNonce, stateFormAction } from "@/lib/actions/form-action";
import { formText, type SmallFormState } from "@/lib/actions/form-values";
import type { ActionContext, ActionResult } from "@/lib/actions/define-action";
import { webActionContext } from "@/lib/actions/web";
import { addStaffMember } from "@/lib/admin/actions/add-staff-member";
import { activatePartner } from "@/lib/admin/actions/activate-partner";
import { liftPhoneLock } from "@/lib/admin/actions/lift-phone-lock";
import { restorePartner } from "@/lib/admin/actions/restore-partner";
import { setServingCompany } from "@/lib/admin/actions/set-serving-company";
import { suspendPartner } from "@/lib/admin/actions/suspend-partner";
import { blockPerson } from "@/lib/admin/actions/block-person";
import { reviewFinding } from "@/lib/admin/actions/review-finding";
import { unblockPerson } from "@/lib/admin/actions/unblock-person";

export const addStaffMemberAction = stateFormAction<SmallFormState>(async (formData, previous) => {
  const values = formText(formData, ["companyId", "phone", "name", "role"]);
  const result = await addStaffMember.run(values, await webActionContext());
  const nonce = nextNonce(previous);
  if (!result.ok) return { message: result.error.message, fieldErrors: result.error.fieldErrors, values, nonce };
  revalidatePath("/admin", "layout");
  return { ok: true, values: { companyId: values.companyId!, role: values.role! }, nonce };
});

export const setServingCompanyAction = stateFormAction<SmallFormState>(async (formData, previous) => {
  const values = formText(formData, ["partnerId", "companyId"]);
  const result = await setServingCompany.run(values, await webActionContext());
  const nonce = nextNonce(previous);
  if (!result.ok) return { message: result.error.message, fieldErrors: result.error.fieldErrors, values, nonce };
  revalidatePath("/admin", "layout");
  return { ok: true, values, nonce };
});

/** A back-office form over one action: the typed values come back on a refusal, nothing is lost. */
function adminFormAction(
  action: { run: (input: unknown, ctx: ActionContext) => Promise<ActionResult<unknown>> },
  fields: string[],
  keepOnSuccess: string[] = ["partnerId"],
) {
  return stateFormAction<SmallFormState>(async (formData, previous) => {
    const values = formText(formData, fields);
    const result = await action.run(values, await webActionContext());
    const nonce = nextNonce(previous);
    if (!result.ok) return { message: result.error.message, fieldErrors: result.error.fieldErrors, values, nonce };
    revalidatePath("/admin", "layout");
    const kept = Object.fromEntries(keepOnSuccess.map((k) => [k, values[k] ?? ""]));
    return { ok: true, values: kept, nonce };
  });
}

export const activatePartnerAction = adminFormAction(activatePartner, ["partnerId", "contractNumber", "contractDate"]);
export const suspendPartnerAction = adminFormAction(suspendPartner, ["partnerId", "status", "reason"]);
export const restorePartnerAction = adminFormAction(restorePartner, ["partnerId"]);
export const liftPhoneLockAction = adminFormAction(liftPhoneLock, ["phone"], []);
export const blockPersonAction = adminFormAction(blockPerson, ["personId", "findingId", "reason"], []);
export const unblockPersonAction = adminFormAction(unblockPerson, ["personId"], []);
export const reviewFindingAction = adminFormAction(reviewFinding, ["findingId"], []);
