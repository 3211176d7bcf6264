"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ComponentProps } from "react";
import { updateCompanyProfileAction, type CompanyProfileState } from "@/app/actions/company";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import {
  PROFILE_HINTS,
  PROFILE_SECTIONS,
  profileFieldsFor,
  profileLabelKey,
  type PartnerType,
  type ProfileField,
  type ProfileSection,
} from "@/lib/partner/fields";
import { cn } from "@/lib/utils";

/** Browser hints per field: keyboards on phones, autofill, no autocorrect on codes. */
const INPUT_PROPS: Partial<Record<ProfileField, ComponentProps<"input">>> = {
  name: { autoComplete: "organization" },
  taxId: { inputMode: "numeric", autoComplete: "off", maxLength: 12 },
  legalAddress: { autoComplete: "street-address" },
  postalAddress: { autoComplete: "off" },
  headName: { autoComplete: "off" },
  iban: { autoComplete: "off", autoCapitalize: "characters", spellCheck: false, maxLength: 34 },
  bik: { autoComplete: "off", autoCapitalize: "characters", spellCheck: false, maxLength: 11 },
  contactPhone: { type: "tel", inputMode: "tel", autoComplete: "tel" },
  contactEmail: { type: "email", autoComplete: "email" },
};

const WIDE: ReadonlySet<ProfileField> = new Set(["name", "legalAddress", "postalAddress", "iban"]);

export function CompanyProfileForm({ type, initial }: { type: PartnerType; initial: Record<string, string> }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<CompanyProfileState, FormData>(updateCompanyProfileAction, {
    values: initial,
  });
  const errors = state.fieldErrors ?? {};
  const fields = new Set(profileFieldsFor(type));
  // Remount the inputs after each answer so they show what the server kept (or what was typed, on error).
  const version = JSON.stringify(state.values);

  return (
    <form action={formAction} noValidate className="space-y-6">
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      {state.saved ? <Alert tone="ok">{t("common.saved")}</Alert> : null}
      {(Object.keys(PROFILE_SECTIONS) as ProfileSection[]).map((section) => (
        <fieldset key={section} className="space-y-4">
          <legend className="mb-3 text-lg font-semibold">{t(`company.sections.${section}`)}</legend>
          <div className="grid gap-4 md:grid-cols-2">
            {PROFILE_SECTIONS[section]
              .filter((field) => fields.has(field))
              .map((field) => {
                const hint = PROFILE_HINTS.has(field);
                return (
                  <div key={field} className={cn(WIDE.has(field) && "md:col-span-2")}>
                    <Field
                      id={field}
                      label={t(`company.fields.${profileLabelKey(type, field)}` as never)}
                      hint={hint ? t(`company.hints.${field}` as never) : undefined}
                      errors={errors[field]}
                    >
                      <Input
                        {...INPUT_PROPS[field]}
                        {...fieldAria(field, hint, errors[field])}
                        name={field}
                        defaultValue={state.values[field] ?? ""}
                        key={`${field}-${version}`}
                      />
                    </Field>
                  </div>
                );
              })}
          </div>
        </fieldset>
      ))}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("common.saving") : t("common.save")}
      </Button>
    </form>
  );
}
