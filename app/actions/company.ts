"use server";

import { revalidatePath } from "next/cache";
import { formMessage, keepInputOnFailure } from "@/lib/actions/form";
import { stateFormAction } from "@/lib/actions/form-action";
import { webActionContext } from "@/lib/actions/web";
import { updateCompanyProfile } from "@/lib/partner/actions/update-company-profile";
import { PROFILE_FIELDS, profileFormValues } from "@/lib/partner/fields";

export interface CompanyProfileState {
  values: Record<string, string>;
  saved?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

export const updateCompanyProfileAction = stateFormAction<CompanyProfileState>(async (formData) => {
  // Only the fields the form rendered for this Partner type; an empty one clears the requisite.
  const values = Object.fromEntries(
    PROFILE_FIELDS.filter((f) => formData.has(f)).map((f) => [f, String(formData.get(f) ?? "")]),
  );
  return keepInputOnFailure(
    async (): Promise<CompanyProfileState> => {
      const result = await updateCompanyProfile.run(values, await webActionContext());
      if (!result.ok)
        return { values, message: await formMessage(result.error), fieldErrors: result.error.fieldErrors };
      // The Partner's name is shown in the cabinet header too.
      revalidatePath("/cabinet", "layout");
      return { values: profileFormValues(result.data), saved: true };
    },
    (message) => ({ values, message }),
  );
});
