"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formMessage, keepInputOnFailure } from "@/lib/actions/form";
import { nextNonce, stateFormAction } from "@/lib/actions/form-action";
import type { ActionResult } from "@/lib/actions/define-action";
import { webActionContext } from "@/lib/actions/web";
import { requestStepUpCode } from "@/lib/auth/actions/request-step-up-code";
import { acceptInvitation } from "@/lib/members/actions/accept-invitation";
import { cancelInvitation } from "@/lib/members/actions/cancel-invitation";
import { changeMemberRights } from "@/lib/members/actions/change-member-rights";
import { inviteMember } from "@/lib/members/actions/invite-member";
import { resendInvitation } from "@/lib/members/actions/resend-invitation";
import { revokeMember } from "@/lib/members/actions/revoke-member";
import { RESTRICTABLE_MODULES } from "@/lib/permissions/catalog";

export interface FormState {
  values: Record<string, string>;
  categories: string[];
  done?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Changes on every answer, so the form re-applies the values it gets back. */
  nonce: number;
}

export interface NoticeState {
  ok?: boolean;
  message?: string;
}

const text = (formData: FormData, key: string) => String(formData.get(key) ?? "");

/** The typed values, kept so nothing is lost when the server refuses them. */
function formValues(formData: FormData, keys: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of [...keys, "role", ...RESTRICTABLE_MODULES.map((m) => `rights.${m}`)])
    values[key] = text(formData, key);
  return values;
}

function grantInput(values: Record<string, string>, categories: string[]) {
  return {
    role: values.role,
    rights: Object.fromEntries(RESTRICTABLE_MODULES.map((m) => [m, values[`rights.${m}`] || "none"])),
    documentCategories: categories,
  };
}

/** A one-button answer: done, or a message (the request id with it when something broke). */
async function notice(run: () => Promise<ActionResult<unknown>>, revalidate?: string): Promise<NoticeState> {
  return keepInputOnFailure(
    async () => {
      const result = await run();
      if (revalidate) revalidatePath(revalidate);
      return result.ok ? { ok: true } : { ok: false, message: await formMessage(result.error) };
    },
    (message) => ({ ok: false, message }),
  );
}

export async function requestStepUpCodeAction(): Promise<NoticeState> {
  return notice(async () => requestStepUpCode.run({}, await webActionContext()));
}

export const inviteMemberAction = stateFormAction<FormState>(async (formData, previous) => {
  const values = formValues(formData, ["phone", "name", "position", "email"]);
  const categories = formData.getAll("documentCategories").map(String);
  const input = {
    phone: values.phone,
    name: values.name,
    position: values.position,
    email: values.email,
    ...grantInput(values, categories),
    code: text(formData, "code"),
  };
  const nonce = nextNonce(previous);
  return keepInputOnFailure(
    async (): Promise<FormState> => {
      const result = await inviteMember.run(input, await webActionContext());
      if (!result.ok)
        return {
          values,
          categories,
          nonce,
          message: await formMessage(result.error),
          fieldErrors: result.error.fieldErrors,
        };
      revalidatePath("/cabinet/users");
      return { values: { role: "FULL" }, categories: [], nonce, done: true };
    },
    (message) => ({ values, categories, nonce, message }),
  );
});

export const changeMemberRightsAction = stateFormAction<FormState>(async (formData, previous) => {
  const values = formValues(formData, ["membershipId"]);
  const categories = formData.getAll("documentCategories").map(String);
  const input = { membershipId: values.membershipId, ...grantInput(values, categories), code: text(formData, "code") };
  const nonce = nextNonce(previous);
  return keepInputOnFailure(
    async (): Promise<FormState> => {
      const result = await changeMemberRights.run(input, await webActionContext());
      if (!result.ok)
        return {
          values,
          categories,
          nonce,
          message: await formMessage(result.error),
          fieldErrors: result.error.fieldErrors,
        };
      revalidatePath("/cabinet/users");
      return { values, categories: result.data.documentCategories, nonce, done: true };
    },
    (message) => ({ values, categories, nonce, message }),
  );
});

export const resendInvitationAction = stateFormAction<NoticeState>(async (formData) => {
  const input = { invitationId: formData.get("invitationId") };
  return notice(async () => resendInvitation.run(input, await webActionContext()), "/cabinet/users");
});

export const cancelInvitationAction = stateFormAction<NoticeState>(async (formData) => {
  const input = { invitationId: formData.get("invitationId") };
  return notice(async () => cancelInvitation.run(input, await webActionContext()), "/cabinet/users");
});

export const revokeMemberAction = stateFormAction<NoticeState>(async (formData) => {
  const input = { membershipId: formData.get("membershipId") };
  return notice(async () => revokeMember.run(input, await webActionContext()), "/cabinet/users");
});

export const acceptInvitationAction = stateFormAction<NoticeState>(async (formData) => {
  const input = { invitationId: formData.get("invitationId") };
  return keepInputOnFailure(
    async (): Promise<NoticeState> => {
      const result = await acceptInvitation.run(input, await webActionContext());
      if (!result.ok) return { ok: false, message: await formMessage(result.error) };
      revalidatePath("/cabinet", "layout");
      redirect("/cabinet");
    },
    (message) => ({ ok: false, message }),
  );
});
