"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, nextNonce, stateFormAction } from "@/lib/actions/form-action";
import { formText, type SmallFormState } from "@/lib/actions/form-values";
import { webActionContext } from "@/lib/actions/web";
import { addRequestNote } from "@/lib/requests/actions/add-note";
import { assignRequests } from "@/lib/requests/actions/assign";
import { createRequest } from "@/lib/requests/actions/create-request";
import { markRequestRead } from "@/lib/requests/actions/mark-read";
import { postMessage } from "@/lib/requests/actions/post-message";
import { setRequestStatus } from "@/lib/requests/actions/set-status";

function refresh() {
  revalidatePath("/cabinet/requests", "layout");
  revalidatePath("/desk/requests", "layout");
}

/** A new request from the cabinet; on success its page. */
export const createRequestAction = stateFormAction<SmallFormState>(async (formData, previous) => {
  const values = formText(formData, ["category", "priority", "subject", "text", "documentIds"]);
  const result = await createRequest.run(values, await webActionContext());
  if (!result.ok)
    return { message: result.error.message, fieldErrors: result.error.fieldErrors, values, nonce: nextNonce(previous) };
  refresh();
  redirect(`/cabinet/requests/${result.data.id}`);
});

/** A message in a thread, from either side; a reply to a closed request opens the new one. */
export const postMessageAction = stateFormAction<SmallFormState>(async (formData, previous) => {
  const values = formText(formData, ["requestId", "text", "documentIds", "base"]);
  const result = await postMessage.run(values, await webActionContext());
  const nonce = nextNonce(previous);
  if (!result.ok) return { message: result.error.message, fieldErrors: result.error.fieldErrors, values, nonce };
  refresh();
  if (result.data.newRequest)
    redirect(`${values.base === "desk" ? "/desk" : "/cabinet"}/requests/${result.data.requestId}`);
  return { ok: true, values: {}, nonce };
});

/** Staff move a request to another status. */
export const setRequestStatusAction = stateFormAction<SmallFormState>(async (formData, previous) => {
  const values = formText(formData, ["requestId", "status"]);
  const result = await setRequestStatus.run(values, await webActionContext());
  const nonce = nextNonce(previous);
  if (!result.ok) return { message: result.error.message, values, nonce };
  refresh();
  return { ok: true, values: {}, nonce };
});

/** A manager assigns one request, or every ticked one on the queue. */
export const assignRequestsAction = stateFormAction<SmallFormState>(
  async (formData, previous): Promise<SmallFormState> => {
    const requestIds = formData.getAll("requestIds").map(String);
    const staffMemberId = String(formData.get("staffMemberId") ?? "");
    const result = await assignRequests.run({ requestIds, staffMemberId }, await webActionContext());
    const nonce = nextNonce(previous);
    if (!result.ok) return { message: result.error.message, values: { staffMemberId }, nonce };
    refresh();
    return { ok: true, values: { assigned: String(result.data.assigned) }, nonce };
  },
);

/** An internal note of the staff. */
export const addRequestNoteAction = stateFormAction<SmallFormState>(async (formData, previous) => {
  const values = formText(formData, ["requestId", "text"]);
  const result = await addRequestNote.run(values, await webActionContext());
  const nonce = nextNonce(previous);
  if (!result.ok) return { message: result.error.message, fieldErrors: result.error.fieldErrors, values, nonce };
  revalidatePath("/desk/requests", "layout");
  return { ok: true, values: {}, nonce };
});

/** The reader has seen the thread (sent by the page once it is shown). */
export const markRequestReadAction = formAction(async (formData): Promise<void> => {
  await markRequestRead.run({ requestId: formData.get("requestId") }, await webActionContext());
});
