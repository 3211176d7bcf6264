"use server";

import { revalidatePath } from "next/cache";
import { nextNonce, stateFormAction } from "@/lib/actions/form-action";
import { formText, type SmallFormState } from "@/lib/actions/form-values";
import { webActionContext } from "@/lib/actions/web";
import { addStaffMember } from "@/lib/admin/actions/add-staff-member";
import { setServingCompany } from "@/lib/admin/actions/set-serving-company";

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
