"use server";

import { revalidatePath } from "next/cache";
import { formMessage, keepInputOnFailure } from "@/lib/actions/form";
import { stateFormAction } from "@/lib/actions/form-action";
import { webActionContext } from "@/lib/actions/web";
import { updatePersonalData } from "@/lib/person/actions/update-personal-data";

export interface PersonalDataState {
  values: Record<string, string>;
  saved?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

export const updatePersonalDataAction = stateFormAction<PersonalDataState>(async (formData) => {
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
  return keepInputOnFailure(
    async (): Promise<PersonalDataState> => {
      const result = await updatePersonalData.run(values, await webActionContext());
      if (!result.ok)
        return { values, message: await formMessage(result.error), fieldErrors: result.error.fieldErrors };
      revalidatePath("/cabinet", "layout");
      return { values: { name: result.data.name, email: result.data.email ?? "" }, saved: true };
    },
    (message) => ({ values, message }),
  );
});
