"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { webActionContext } from "@/lib/actions/web";
import { switchCabinet } from "@/lib/tenancy/actions/switch-cabinet";

/** Switches the active cabinet and opens its home page. */
export async function switchCabinetAction(formData: FormData): Promise<void> {
  const result = await switchCabinet.run({ partnerId: formData.get("partnerId") }, await webActionContext());
  if (result.ok) {
    revalidatePath("/cabinet", "layout");
    redirect("/cabinet");
  }
}
