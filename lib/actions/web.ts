import { getWebLocale, getWebRequestMeta, getWebSession } from "@/lib/auth/current";
import type { ActionContext } from "./define-action";

/** The context of a server action: session from the cookie, request metadata, language. */
export async function webActionContext(): Promise<ActionContext> {
  const [session, meta, locale] = await Promise.all([getWebSession(), getWebRequestMeta(), getWebLocale()]);
  return { session, meta, locale };
}
