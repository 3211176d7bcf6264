"use server";

import { revalidatePath } from "next/cache";
import { nextNonce, stateFormAction } from "@/lib/actions/form-action";
import { formText, type SmallFormState } from "@/lib/actions/form-values";
import { webActionContext } from "@/lib/actions/web";
import { forgetOpenWindows } from "@/lib/maintenance/current";
import { cancelMaintenance } from "@/lib/maintenance/actions/cancel-maintenance";
import { scheduleMaintenance } from "@/lib/maintenance/actions/schedule-maintenance";

const SCHEDULE_FIELDS = ["announceFrom", "startsAt", "endsAt", "messageRu", "messageKk", "messageEn"];

export const scheduleMaintenanceAction = stateFormAction<SmallFormState>(async (formData, previous) => {
  const values = formText(formData, SCHEDULE_FIELDS);
  const result = await scheduleMaintenance.run(values, await webActionContext());
  const nonce = nextNonce(previous);
  if (!result.ok) return { message: result.error.message, fieldErrors: result.error.fieldErrors, values, nonce };
  // Committed: this instance sees the window at once, the others within their cache's few seconds.
  forgetOpenWindows();
  revalidatePath("/", "layout");
  return { ok: true, values: {}, nonce };
});

export const cancelMaintenanceAction = stateFormAction<SmallFormState>(async (formData, previous) => {
  const values = formText(formData, ["windowId"]);
  const result = await cancelMaintenance.run(values, await webActionContext());
  const nonce = nextNonce(previous);
  if (!result.ok) return { message: result.error.message, values, nonce };
  forgetOpenWindows();
  revalidatePath("/", "layout");
  return { ok: true, values, nonce };
});
