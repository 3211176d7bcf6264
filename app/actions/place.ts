"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { webActionContext } from "@/lib/actions/web";
import { switchPlace } from "@/lib/tenancy/actions/switch-place";
import { homePath, parsePlaceValue } from "@/lib/tenancy/home";

/** Switches the active place and opens its home page. */
export async function switchPlaceAction(formData: FormData): Promise<void> {
  const input = parsePlaceValue(formData.get("place"));
  const result = await switchPlace.run(input, await webActionContext());
  if (result.ok) {
    revalidatePath("/", "layout");
    redirect(homePath(result.data.kind));
  }
}
