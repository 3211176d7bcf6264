"use server";

import { revalidatePath } from "next/cache";
import { nextNonce, stateFormAction } from "@/lib/actions/form-action";
import { formText, type SmallFormState } from "@/lib/actions/form-values";
import { webActionContext } from "@/lib/actions/web";
import { assignStaff } from "@/lib/desk/actions/assign-staff";
import { unassignStaff } from "@/lib/desk/actions/unassign-staff";
import type { NoticeState } from "./members";

function refresh() {
  revalidatePath("/desk", "layout");
  revalidatePath("/admin", "layout");
}

export const assignStaffAction = stateFormAction<SmallFormState>(async (formData, previous) => {
  const values = formText(formData, ["partnerId", "staffMemberId", "responsibility"]);
  const result = await assignStaff.run(values, await webActionContext());
  const nonce = nextNonce(previous);
  if (!result.ok) return { message: result.error.message, fieldErrors: result.error.fieldErrors, values, nonce };
  refresh();
  return { ok: true, values: { partnerId: values.partnerId! }, nonce };
});

export const unassignStaffAction = stateFormAction<NoticeState>(async (formData): Promise<NoticeState> => {
  const result = await unassignStaff.run({ assignmentId: formData.get("assignmentId") }, await webActionContext());
  if (!result.ok) return { ok: false, message: result.error.message };
  refresh();
  return { ok: true };
});
