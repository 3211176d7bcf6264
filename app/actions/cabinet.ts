"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form-action";
import { webActionContext } from "@/lib/actions/web";
import { switchCabinet } from "@/lib/tenancy/actions/switch-cabinet";

/** Switches the active cabinet and opens its home page. */
export const switchCabinetAction = formAction(async (formData): Promise<void> => {
  const result = await switchCabinet.run({ partnerId: formData.get("partnerId") }, await webActionContext());
  if (result.ok) {
    revalidatePath("/cabinet", "layout");
    redirect("/cabinet");
  }
});
