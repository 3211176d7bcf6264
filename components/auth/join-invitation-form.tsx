"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { joinByInvitationAction, type RegisterState } from "@/app/(public)/register/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ConsentFields } from "./consent-fields";

/** Joining the Partner that invited a new number: who they are, and the legal texts by one button. */
export function JoinInvitationForm({
  invitationId,
  name,
  email,
}: {
  invitationId: string;
  name: string;
  /** What the inviter typed, so the invited person need not type it again. */
  email: string | null;
}) {
  const t = useTranslations("register");
  const [state, formAction, pending] = useActionState<RegisterState, FormData>(joinByInvitationAction, {
    values: { name, email: email ?? "" },
  });
  const errors = state.fieldErrors ?? {};
  const id = (field: string) => `join-${invitationId}-${field}`;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="invitationId" value={invitationId} />
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <Field id={id("name")} label={t("nameLabel")} errors={errors.name}>
        <Input
          {...fieldAria(id("name"), false, errors.name)}
          name="name"
          autoComplete="name"
          defaultValue={state.values.name}
        />
      </Field>
      <Field id={id("email")} label={t("emailLabel")} errors={errors.email}>
        <Input
          {...fieldAria(id("email"), false, errors.email)}
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={state.values.email}
        />
      </Field>
      <ConsentFields
        button={t("joinSubmit")}
        values={state.values}
        errors={errors}
        idPrefix={`join-${invitationId}-`}
      />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t("joining") : t("joinSubmit")}
      </Button>
    </form>
  );
}
