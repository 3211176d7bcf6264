"use server";

import { revalidatePath } from "next/cache";
import { nextNonce, stateFormAction } from "@/lib/actions/form-action";
import { formText, type SmallFormState } from "@/lib/actions/form-values";
import { webActionContext } from "@/lib/actions/web";
import { removeCalendarDay } from "@/lib/calendar/actions/remove-calendar-day";
import { saveCalendarDay } from "@/lib/calendar/actions/save-calendar-day";
import { setWorkingHours } from "@/lib/calendar/actions/set-working-hours";

const DAY_FIELDS = ["date", "kind", "nameRu", "nameKk", "nameEn", "note"];

/** Adds a special day or changes the one on its date; the typed values come back on a refusal. */
export const saveCalendarDayAction = stateFormAction<SmallFormState>(async (formData, previous) => {
  const values = formText(formData, DAY_FIELDS);
  const result = await saveCalendarDay.run(values, await webActionContext());
  const nonce = nextNonce(previous);
  if (!result.ok) return { message: result.error.message, fieldErrors: result.error.fieldErrors, values, nonce };
  revalidatePath("/admin/calendar");
  return { ok: true, values, nonce };
});

export const removeCalendarDayAction = stateFormAction<SmallFormState>(async (formData, previous) => {
  const values = formText(formData, ["date"]);
  const result = await removeCalendarDay.run(values, await webActionContext());
  const nonce = nextNonce(previous);
  if (!result.ok) return { message: result.error.message, values, nonce };
  revalidatePath("/admin/calendar");
  return { ok: true, values, nonce };
});

export const setWorkingHoursAction = stateFormAction<SmallFormState>(async (formData, previous) => {
  const values = formText(formData, ["companyId", "start", "end"]);
  const result = await setWorkingHours.run(values, await webActionContext());
  const nonce = nextNonce(previous);
  if (!result.ok) return { message: result.error.message, fieldErrors: result.error.fieldErrors, values, nonce };
  revalidatePath("/admin/companies");
  return { ok: true, values, nonce };
});
