"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changeMemberRightsAction, type FormState } from "@/app/actions/members";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { rightsOf } from "./invite-form";
import { RightsMatrix } from "./rights-matrix";
import { StepUpField } from "./step-up-field";

/** Changes one member's access with the same matrix as the invitation. */
export function MemberRightsForm({
  membershipId,
  role,
  rights,
  categories,
}: {
  membershipId: string;
  role: string;
  rights: Record<string, string>;
  categories: string[];
}) {
  const t = useTranslations("users");
  const initial: FormState = {
    values: { membershipId, role, ...Object.fromEntries(Object.entries(rights).map(([k, v]) => [`rights.${k}`, v])) },
    categories,
    nonce: 0,
  };
  const [state, formAction, pending] = useActionState<FormState, FormData>(changeMemberRightsAction, initial);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      {state.done ? <Alert tone="ok">{t("rightsSaved")}</Alert> : null}
      <input type="hidden" name="membershipId" value={membershipId} />
      <div key={state.nonce}>
        <RightsMatrix
          idPrefix={`m-${membershipId}`}
          defaults={{ role: state.values.role ?? role, rights: rightsOf(state.values), categories: state.categories }}
          errors={errors}
        />
      </div>
      {/* A fresh confirmation after each success: the old "code sent" notice no longer applies. */}
      <StepUpField key={state.done ? state.nonce : 0} id={`code-${membershipId}`} errors={errors.code} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("saveRights")}
      </Button>
    </form>
  );
}
