"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form-action";
import { webActionContext } from "@/lib/actions/web";
import { getWebRequestMeta } from "@/lib/auth/current";
import { markNotificationsRead } from "@/lib/notifications/actions/mark-read";
import { setNotificationPreference } from "@/lib/notifications/actions/set-preference";
import { unsubscribeByToken } from "@/lib/notifications/unsubscribe";

/** Only the app's own paths: a notification's link never leads off the site. */
function appPath(value: FormDataEntryValue | null): string {
  const link = typeof value === "string" ? value : "";
  return /^\/(?![/\\])[^\s]*$/.test(link) ? link : "/notifications";
}

/** Opens a notification's target, marking it read on the way. */
export const openNotificationAction = formAction(async (formData): Promise<void> => {
  await markNotificationsRead.run({ ids: [formData.get("id")] }, await webActionContext());
  redirect(appPath(formData.get("link")));
});

export const markNotificationReadAction = formAction(async (formData): Promise<void> => {
  await markNotificationsRead.run({ ids: [formData.get("id")] }, await webActionContext());
  revalidatePath("/notifications", "layout");
});

export async function markAllNotificationsReadAction(): Promise<void> {
  await markNotificationsRead.run({ all: true }, await webActionContext());
  revalidatePath("/notifications", "layout");
}

export const setNotificationPreferenceAction = formAction(async (formData): Promise<void> => {
  await setNotificationPreference.run(
    { kind: formData.get("kind"), channel: formData.get("channel"), enabled: formData.get("enabled") === "true" },
    await webActionContext(),
  );
  revalidatePath("/notifications/settings");
});

/** The unsubscribe link's button: no session, the signed token decides. */
export const unsubscribeAction = formAction(async (formData): Promise<void> => {
  const result = await unsubscribeByToken({ token: formData.get("token") }, await getWebRequestMeta());
  redirect(result.ok ? `/unsubscribe?done=${encodeURIComponent(result.kind)}` : "/unsubscribe?invalid=1");
});
