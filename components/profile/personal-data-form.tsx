"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updatePersonalDataAction, type PersonalDataState } from "@/app/actions/profile";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function PersonalDataForm({ initial }: { initial: { name: string; email: string } }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<PersonalDataState, FormData>(updatePersonalDataAction, {
    values: initial,
  });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      {state.saved ? <Alert tone="ok">{t("common.saved")}</Alert> : null}
      <Field id="name" label={t("profile.nameLabel")} errors={errors.name}>
        <Input
          {...fieldAria("name", false, errors.name)}
          name="name"
          autoComplete="name"
          defaultValue={state.values.name}
          key={`n-${state.values.name}`}
        />
      </Field>
      <Field id="email" label={t("profile.emailLabel")} errors={errors.email}>
        <Input
          {...fieldAria("email", false, errors.email)}
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={state.values.email}
          key={`e-${state.values.email}`}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t("common.saving") : t("common.save")}
      </Button>
    </form>
  );
}
