"use server";

import { revalidatePath } from "next/cache";
import { stateFormAction } from "@/lib/actions/form-action";
import { webActionContext } from "@/lib/actions/web";
import { archiveDocument } from "@/lib/documents/actions/archive";
import { sendDocument } from "@/lib/documents/actions/send";
import type { NoticeState } from "./members";

/** Sends the Partner's draft to its outsourcing company. */
export const sendDocumentAction = stateFormAction<NoticeState>(async (formData): Promise<NoticeState> => {
  const result = await sendDocument.run({ documentId: formData.get("documentId") }, await webActionContext());
  if (!result.ok) return { ok: false, message: result.error.message };
  revalidatePath("/cabinet/documents", "layout");
  return { ok: true };
});

/** Archives the Partner's unsent draft. */
export const archiveDocumentAction = stateFormAction<NoticeState>(async (formData): Promise<NoticeState> => {
  const result = await archiveDocument.run({ documentId: formData.get("documentId") }, await webActionContext());
  if (!result.ok) return { ok: false, message: result.error.message };
  revalidatePath("/cabinet/documents", "layout");
  return { ok: true };
});
