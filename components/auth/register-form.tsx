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
  const [partnerType, setPartnerType] = useState(state.values.partnerType ?? "LEGAL_ENTITY");
  const errors = state.fieldErrors ?? {};
  const v = state.values;

  return (
    <form action={formAction} noValidate className="space-y-8">
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
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
        <ConsentFields button={t("submit")} values={v} errors={errors} />
      </fieldset>

      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
