import { unstable_rethrow } from "next/navigation";
import { getWebLocale, getWebRequestMeta } from "@/lib/auth/current";
import type { ActionResult } from "@/lib/actions/define-action";
import { translator } from "@/lib/i18n/messages";

type Failure = Extract<ActionResult<unknown>, { ok: false }>["error"];

/**
 * A refusal as the form shows it: an unexpected failure also names the request id, so support
 * can find it in the server log.
 */
export async function formMessage(error: Failure): Promise<string> {
  if (error.code !== "internal" && error.code !== "unavailable") return error.message;
  const t = translator(await getWebLocale());
  return `${error.message} ${t("common.requestId", { id: error.requestId })}`;
}

/**
 * Runs a form's server action so that a throw (the database down, a bug) does not replace the
 * page: the form gets `onFailure(message)` back, built with what was typed. Next's own signals
 * (redirect, not found) pass through.
 */
export async function keepInputOnFailure<S>(run: () => Promise<S>, onFailure: (message: string) => S): Promise<S> {
  try {
    return await run();
  } catch (error) {
    unstable_rethrow(error);
    const { requestId } = await getWebRequestMeta();
    console.error(`[form] request ${requestId} failed`, error);
    const t = translator(await getWebLocale());
    return onFailure(`${t("errors.unavailable")} ${t("common.requestId", { id: requestId })}`);
  }
}
