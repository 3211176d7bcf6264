"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form-action";
import { webActionContext } from "@/lib/actions/web";
import { switchPlace } from "@/lib/tenancy/actions/switch-place";
import { homePath, parsePlaceValue } from "@/lib/tenancy/home";

/** Switches the active place and opens its home page. */
export const switchPlaceAction = formAction(async (formData): Promise<void> => {
  const result = await switchPlace.run(parsePlaceValue(formData.get("place")), await webActionContext());
  if (result.ok) {
    revalidatePath("/", "layout");
    redirect(homePath(result.data.kind));
  }
});
