"use server";

import { revalidatePath } from "next/cache";
import { webActionContext } from "@/lib/actions/web";
import { addStaffMember } from "@/lib/admin/actions/add-staff-member";
import { setServingCompany } from "@/lib/admin/actions/set-serving-company";
import { formText, type SmallFormState } from "@/lib/actions/form-values";

export async function addStaffMemberAction(previous: SmallFormState, formData: FormData): Promise<SmallFormState> {
  const values = formText(formData, ["companyId", "phone", "name", "role"]);
  const result = await addStaffMember.run(values, await webActionContext());
  if (result.ok) {
    revalidatePath("/admin", "layout");
    return { ok: true, values: { companyId: values.companyId!, role: values.role! }, nonce: previous.nonce + 1 };
  }
  return { message: result.error.message, fieldErrors: result.error.fieldErrors, values, nonce: previous.nonce + 1 };
}

export async function setServingCompanyAction(previous: SmallFormState, formData: FormData): Promise<SmallFormState> {
  const values = formText(formData, ["partnerId", "companyId"]);
  const result = await setServingCompany.run(values, await webActionContext());
  if (result.ok) {
    revalidatePath("/admin", "layout");
    return { ok: true, values, nonce: previous.nonce + 1 };
  }
  return { message: result.error.message, fieldErrors: result.error.fieldErrors, values, nonce: previous.nonce + 1 };
}
