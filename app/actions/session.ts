"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form-action";
import { webActionContext } from "@/lib/actions/web";
import { logout } from "@/lib/auth/actions/logout";
import { revokeOtherSessions } from "@/lib/auth/actions/revoke-other-sessions";
import { revokeSession } from "@/lib/auth/actions/revoke-session";
import { clearSessionCookie } from "@/lib/auth/current";

export async function logoutAction(): Promise<void> {
  await logout.run({}, await webActionContext());
  await clearSessionCookie();
  redirect("/login");
}

export const revokeSessionAction = formAction(async (formData): Promise<void> => {
  await revokeSession.run({ sessionId: formData.get("sessionId") }, await webActionContext());
  revalidatePath("/cabinet/profile");
});

export async function revokeOtherSessionsAction(): Promise<void> {
  await revokeOtherSessions.run({}, await webActionContext());
  revalidatePath("/cabinet/profile");
}
