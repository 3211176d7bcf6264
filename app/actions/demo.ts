"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formMessage, keepInputOnFailure } from "@/lib/actions/form";
import { stateFormAction } from "@/lib/actions/form-action";
import { webActionContext } from "@/lib/actions/web";
import { convertDemo } from "@/lib/demo/actions/convert-demo";
import { requestConversionCode } from "@/lib/demo/actions/request-conversion-code";

export interface ConversionCodeState {
  /** The number the code went to, as typed. */
  sentTo?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

export interface ConvertDemoState {
  values: Record<string, string>;
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

/** Sends the confirmation code to the real number typed in the conversion form. */
export async function requestConversionCodeAction(
  _previous: ConversionCodeState,
  phone: string,
): Promise<ConversionCodeState> {
  const typed = typeof phone === "string" ? phone : "";
  return keepInputOnFailure(
    async (): Promise<ConversionCodeState> => {
      const result = await requestConversionCode.run({ phone: typed }, await webActionContext());
      if (result.ok) return { sentTo: typed };
      return { message: await formMessage(result.error), fieldErrors: result.error.fieldErrors };
    },
    (message) => ({ message }),
  );
}

/** The form's own fields (Next adds `$ACTION…` fields of its own). */
function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}

/** Makes the demo cabinet real; on refusal the form comes back with everything typed kept. */
export const convertDemoAction = stateFormAction<ConvertDemoState>(async (formData) => {
  const values = formValues(formData);
  return keepInputOnFailure(
    async () => {
      const result = await convertDemo.run(values, await webActionContext());
      if (result.ok) {
        // The cabinet's layout (the banner with the deletion date) is drawn anew, not kept from before.
        revalidatePath("/cabinet", "layout");
        redirect("/cabinet?converted=1");
      }
      if (result.error.code === "unauthenticated") redirect("/login");
      return { values, message: await formMessage(result.error), fieldErrors: result.error.fieldErrors };
    },
    (message) => ({ values, message }),
  );
});
