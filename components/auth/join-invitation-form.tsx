"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { joinByInvitationAction, type RegisterState } from "@/app/(public)/register/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** Joining the Partner that invited a new number: who they are, and the legal texts by one button. */
export function JoinInvitationForm({ invitationId, name }: { invitationId: string; name: string }) {
  const t = useTranslations("register");
  const [state, formAction, pending] = useActionState<RegisterState, FormData>(joinByInvitationAction, { values: { name } });
  const errors = state.fieldErrors ?? {};
  const id = (field: string) => `join-${invitationId}-${field}`;
  const docLink = (kind: string, text: ReactNode) => (
    <Link href={`/legal/${kind}`} target="_blank" className="font-medium text-brand-700 underline">
      {text}
    </Link>
  );
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="invitationId" value={invitationId} />
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <Field id={id("name")} label={t("nameLabel")} errors={errors.name}>
        <Input {...fieldAria(id("name"), false, errors.name)} name="name" autoComplete="name" defaultValue={state.values.name} />
      </Field>
      <Field id={id("email")} label={t("emailLabel")} errors={errors.email}>
        <Input {...fieldAria(id("email"), false, errors.email)} name="email" type="email" autoComplete="email" defaultValue={state.values.email} />
      </Field>
      <p className="text-sm">
        {t.rich("consentText", {
          agreement: (chunks) => docLink("USER_AGREEMENT", chunks),
          privacy: (chunks) => docLink("PRIVACY_POLICY", chunks),
          consent: (chunks) => docLink("PERSONAL_DATA_CONSENT", chunks),
        })}
      </p>
      {(["accept", "adult"] as const).map((field) => (
        <div key={field}>
          <label className="flex min-h-11 cursor-pointer items-center gap-3">
            <input type="checkbox" name={field} defaultChecked={state.values[field] === "on"} aria-invalid={errors[field]?.length ? true : undefined} className="size-5 accent-brand-700" />
            <span>{t(field === "accept" ? "acceptLabel" : "adultLabel")}</span>
          </label>
          {errors[field]?.length ? <p role="alert" className="text-sm font-medium text-danger">{errors[field].join(" ")}</p> : null}
        </div>
      ))}
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t("joining") : t("joinSubmit")}
      </Button>
    </form>
  );
}
