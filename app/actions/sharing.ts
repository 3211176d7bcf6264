"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/define-action";
import { stateFormAction } from "@/lib/actions/form-action";
import { webActionContext } from "@/lib/actions/web";
import { commentShared } from "@/lib/sharing/actions/comment";
import { createShare } from "@/lib/sharing/actions/create-share";
import { approveShared, rejectShared } from "@/lib/sharing/actions/decide";
import { revokeShare } from "@/lib/sharing/actions/revoke-share";

export interface ShareFormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Counts answers, so a form can reset itself after each success. */
  nonce?: number;
}

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

function answer(result: ActionResult<unknown>, previous: ShareFormState | undefined): ShareFormState {
  const nonce = (typeof previous?.nonce === "number" ? previous.nonce : 0) + 1;
  if (result.ok) return { ok: true, nonce };
  return { ok: false, message: result.error.message, fieldErrors: result.error.fieldErrors, nonce };
}

/** Shares one document (the page's) with a counterparty's person. */
export const createShareAction = stateFormAction<ShareFormState>(async (form, previous) => {
  const documentId = text(form, "documentId");
  const expires = text(form, "expiresAt");
  const result = await createShare.run(
    {
      documentIds: [documentId],
      phone: text(form, "phone"),
      name: text(form, "name"),
      organisationName: text(form, "organisationName"),
      organisationBin: text(form, "organisationBin"),
      rights: form.getAll("rights").map(String),
      // A date from the form means the end of that day in Almaty (UTC+5).
      expiresAt: expires ? `${expires}T23:59:59+05:00` : undefined,
      allowDownload: form.get("allowDownload") === "on",
      watermark: form.get("watermark") === "on",
    },
    await webActionContext(),
  );
  if (result.ok) {
    revalidatePath(`/cabinet/documents/${documentId}`);
    revalidatePath("/cabinet/counterparties");
  }
  return answer(result, previous);
});

/** Revokes a share at once. */
export const revokeShareAction = stateFormAction<ShareFormState>(async (form, previous) => {
  const result = await revokeShare.run({ shareId: text(form, "shareId") }, await webActionContext());
  if (result.ok) revalidatePath("/cabinet", "layout");
  return answer(result, previous);
});

/** A comment in a shared document's thread, from either side. */
export const commentSharedAction = stateFormAction<ShareFormState>(async (form, previous) => {
  const documentId = text(form, "documentId");
  const result = await commentShared.run({ documentId, body: text(form, "body") }, await webActionContext());
  if (result.ok) {
    revalidatePath(`/cabinet/documents/${documentId}`);
    revalidatePath(`/shared/documents/${documentId}`);
  }
  return answer(result, previous);
});

/** The counterparty approves (no reason) or rejects (reason required) the current version. */
export const decideSharedAction = stateFormAction<ShareFormState>(async (form, previous) => {
  const documentId = text(form, "documentId");
  const versionId = text(form, "versionId") || undefined;
  const ctx = await webActionContext();
  const result =
    form.get("decision") === "reject"
      ? await rejectShared.run({ documentId, versionId, reason: text(form, "reason") }, ctx)
      : await approveShared.run({ documentId, versionId }, ctx);
  if (result.ok) revalidatePath(`/shared/documents/${documentId}`);
  return answer(result, previous);
});
