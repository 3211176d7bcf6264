"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { inviteMemberAction, type FormState } from "@/app/actions/members";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { RightsMatrix } from "./rights-matrix";
import { StepUpField } from "./step-up-field";

export const rightsOf = (values: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => k.startsWith("rights."))
      .map(([k, v]) => [k.slice("rights.".length), v]),
  );

export function InviteForm() {
  const t = useTranslations("users");
  const [state, formAction, pending] = useActionState<FormState, FormData>(inviteMemberAction, {
    values: { role: "FULL" },
    categories: [],
    nonce: 0,
  });
  const errors = state.fieldErrors ?? {};
  const v = state.values;
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      {state.done ? <Alert tone="ok">{t("invited")}</Alert> : null}
      {/* Keyed by each answer: a submitted form is reset, and the kept values must be applied again. */}
      <div key={state.nonce} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="invite-phone" label={t("phoneLabel")} errors={errors.phone}>
            <Input
              {...fieldAria("invite-phone", false, errors.phone)}
              name="phone"
              type="tel"
              autoComplete="off"
              inputMode="tel"
              placeholder="+7 7__ ___ __ __"
              defaultValue={v.phone}
            />
          </Field>
          <Field id="invite-name" label={t("nameLabel")} errors={errors.name}>
            <Input
              {...fieldAria("invite-name", false, errors.name)}
              name="name"
              autoComplete="off"
              defaultValue={v.name}
            />
          </Field>
          <Field id="invite-position" label={t("positionLabel")} errors={errors.position}>
            <Input
              {...fieldAria("invite-position", false, errors.position)}
              name="position"
              autoComplete="off"
              defaultValue={v.position}
            />
          </Field>
          <Field id="invite-email" label={t("emailLabel")} errors={errors.email}>
            <Input
              {...fieldAria("invite-email", false, errors.email)}
              name="email"
              type="email"
              autoComplete="off"
              defaultValue={v.email}
            />
          </Field>
        </div>
        <RightsMatrix
          idPrefix="invite"
          defaults={{ role: v.role ?? "FULL", rights: rightsOf(v), categories: state.categories }}
          errors={errors}
        />
      </div>
      {/* A fresh confirmation after each success: the old "code sent" notice no longer applies. */}
      <StepUpField key={state.done ? state.nonce : 0} id="invite-code" errors={errors.code} />
      <Button type="submit" disabled={pending}>
        {pending ? t("inviting") : t("invite")}
      </Button>
    </form>
  );
}
