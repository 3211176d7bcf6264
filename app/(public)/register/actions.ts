"use server";

import { redirect } from "next/navigation";
import { formMessage, keepInputOnFailure } from "@/lib/actions/form";
import { stateFormAction } from "@/lib/actions/form-action";
import { webActionContext } from "@/lib/actions/web";
import { joinPartnerByInvitation } from "@/lib/registration/actions/join-by-invitation";
import { registerPartner } from "@/lib/registration/actions/register-partner";

export interface RegisterState {
  values: Record<string, string>;
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

/** The form's own fields (Next adds `$ACTION…` fields of its own). */
function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}

/** Registers the verified number; on refusal the form comes back with everything typed kept. */
export const registerAction = stateFormAction<RegisterState>(async (formData) => {
  const values = formValues(formData);
  return keepInputOnFailure(
    async () => {
      const result = await registerPartner.run(values, await webActionContext());
      if (result.ok) redirect("/cabinet");
      if (result.error.code === "unauthenticated") redirect("/login");
      return { values, message: await formMessage(result.error), fieldErrors: result.error.fieldErrors };
    },
    (message) => ({ values, message }),
  );
});

/** Joins the Partner that invited this new number; on refusal the form comes back as typed. */
export const joinByInvitationAction = stateFormAction<RegisterState>(async (formData) => {
  const values = formValues(formData);
  return keepInputOnFailure(
    async () => {
      const result = await joinPartnerByInvitation.run(values, await webActionContext());
      if (result.ok) redirect("/cabinet");
      if (result.error.code === "unauthenticated") redirect("/login");
      return { values, message: await formMessage(result.error), fieldErrors: result.error.fieldErrors };
    },
    (message) => ({ values, message }),
  );
});
