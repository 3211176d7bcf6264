"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { webActionContext } from "@/lib/actions/web";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";
import { setLocale } from "@/lib/person/actions/set-locale";

/** Switches the interface language: kept on the person when logged in, in a cookie always. */
async function changeLocale(locale: string): Promise<{ ok: boolean }> {
  if (!isLocale(locale)) return { ok: false };
  const ctx = await webActionContext();
  if (ctx.session?.person) {
    const result = await setLocale.run({ locale }, ctx);
    if (!result.ok) return { ok: false };
  }
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
  revalidatePath("/", "layout");
  return { ok: true };
}

/** The language switcher's form: the pressed button's `locale`. */
export async function changeLocaleFormAction(form: FormData): Promise<void> {
  await changeLocale(String(form.get("locale") ?? ""));
}
