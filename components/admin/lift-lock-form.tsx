"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { liftPhoneLockAction } from "@/app/actions/admin";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { SmallFormState } from "@/lib/actions/form-values";

/** Lifts a phone's sign-in block before its 15 minutes are over (admins only). */
export function LiftLockForm() {
  const t = useTranslations("admin.lock");
  const [state, action, pending] = useActionState<SmallFormState, FormData>(liftPhoneLockAction, {
    values: {},
    nonce: 0,
  });
  const errors = state.fieldErrors?.phone;
  return (
    <form action={action} key={state.nonce} className="space-y-3" aria-labelledby="lift-lock-title">
      <h2 id="lift-lock-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-muted">{t("hint")}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-60 grow sm:max-w-sm">
          <Field id="lift-lock-phone" label={t("phone")} errors={errors}>
            <Input
              name="phone"
              type="tel"
              autoComplete="off"
              defaultValue={state.values.phone}
              required
              {...fieldAria("lift-lock-phone", false, errors)}
            />
          </Field>
        </div>
        <Button type="submit" disabled={pending}>
          {t("lift")}
        </Button>
      </div>
      {state.ok ? <Alert tone="ok">{t("lifted")}</Alert> : null}
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
