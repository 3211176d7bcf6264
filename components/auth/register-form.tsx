"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { registerAction, type RegisterState } from "@/app/(public)/register/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PARTNER_TYPES } from "@/lib/registration/schemas";
import { ConsentFields } from "./consent-fields";

export function RegisterForm() {
  const t = useTranslations("register");
  const [state, formAction, pending] = useActionState<RegisterState, FormData>(registerAction, { values: {} });

  return (
    <form action={formAction} noValidate className="space-y-8">
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <RegistrationFields values={state.values} errors={state.fieldErrors ?? {}} button={t("submit")} />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

/**
 * What registration asks (the person, their Partner, consent to the legal texts and 18+), as form
 * fields; also in the form that turns a demo cabinet into a real Partner.
 */
export function RegistrationFields({
  values: v,
  errors,
  button,
}: {
  values: Record<string, string>;
  errors: Record<string, string[]>;
  /** The label of the form's submit button: the consent sentence names it. */
  button: string;
}) {
  const t = useTranslations("register");
  const [partnerType, setPartnerType] = useState(v.partnerType ?? "LEGAL_ENTITY");
  return (
    <>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">{t("personSection")}</legend>
        <Field id="name" label={t("nameLabel")} errors={errors.name}>
          <Input
            {...fieldAria("name", false, errors.name)}
            name="name"
            autoComplete="name"
            required
            defaultValue={v.name}
          />
        </Field>
        <Field id="email" label={t("emailLabel")} errors={errors.email}>
          <Input
            {...fieldAria("email", false, errors.email)}
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={v.email}
          />
        </Field>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">{t("partnerSection")}</legend>
        <div role="radiogroup" aria-label={t("partnerTypeLabel")} className="grid gap-2">
          {PARTNER_TYPES.map((type) => (
            <label
              key={type}
              className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-line bg-white px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="partnerType"
                value={type}
                checked={partnerType === type}
                onChange={() => setPartnerType(type)}
                className="size-4 accent-brand-700"
              />
              <span>{t(`partnerTypes.${type}`)}</span>
            </label>
          ))}
        </div>
        {errors.partnerType ? <p className="text-sm font-medium text-danger">{errors.partnerType.join(" ")}</p> : null}
        <Field id="partnerName" label={t("partnerNameLabel")} hint={t("partnerNameHint")} errors={errors.partnerName}>
          <Input
            {...fieldAria("partnerName", true, errors.partnerName)}
            name="partnerName"
            autoComplete="organization"
            required
            defaultValue={v.partnerName}
          />
        </Field>
        <Field
          id="taxId"
          label={partnerType === "LEGAL_ENTITY" ? t("taxIdLabelBin") : t("taxIdLabelIin")}
          hint={t("taxIdHint")}
          errors={errors.taxId}
        >
          <Input
            {...fieldAria("taxId", true, errors.taxId)}
            name="taxId"
            inputMode="numeric"
            maxLength={12}
            required
            defaultValue={v.taxId}
          />
        </Field>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="mb-2 text-lg font-semibold">{t("consentSection")}</legend>
        <ConsentFields button={button} values={v} errors={errors} />
      </fieldset>
    </>
  );
}
