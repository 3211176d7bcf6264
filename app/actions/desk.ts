"use server";

import { revalidatePath } from "next/cache";
import { webActionContext } from "@/lib/actions/web";
import { assignStaff } from "@/lib/desk/actions/assign-staff";
import { unassignStaff } from "@/lib/desk/actions/unassign-staff";
import { formText, type SmallFormState } from "@/lib/actions/form-values";
import type { NoticeState } from "./members";

export async function assignStaffAction(previous: SmallFormState, formData: FormData): Promise<SmallFormState> {
  const values = formText(formData, ["partnerId", "staffMemberId", "responsibility"]);
  const result = await assignStaff.run(values, await webActionContext());
  if (result.ok) {
    revalidatePath("/desk", "layout");
    revalidatePath("/admin", "layout");
    return { ok: true, values: { partnerId: values.partnerId! }, nonce: previous.nonce + 1 };
  }
  return {
    message: result.error.message,
    fieldErrors: result.error.fieldErrors,
    values,
    nonce: previous.nonce + 1,
  };
}

export async function unassignStaffAction(_previous: NoticeState, formData: FormData): Promise<NoticeState> {
  const result = await unassignStaff.run({ assignmentId: formData.get("assignmentId") }, await webActionContext());
  if (!result.ok) return { ok: false, message: result.error.message };
  revalidatePath("/desk", "layout");
  revalidatePath("/admin", "layout");
  return { ok: true };
}
