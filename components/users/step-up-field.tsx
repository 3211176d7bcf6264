"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState } from "react";
import { requestStepUpCodeAction, type NoticeState } from "@/app/actions/members";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** AUTH-7: a code to the primary user's own phone confirms granting or changing access. */
export function StepUpField({ id, errors }: { id: string; errors?: string[] }) {
  const t = useTranslations("users");
  const [state, send, sending] = useActionState<NoticeState>(requestStepUpCodeAction, {});
  return (
    <fieldset className="space-y-3 rounded-lg border border-line p-4">
      <legend className="px-1 text-sm font-medium">{t("confirmTitle")}</legend>
      <p className="text-sm text-muted">{t("confirmHint")}</p>
      <Button type="button" variant="secondary" disabled={sending} onClick={() => startTransition(() => send())}>
        {sending ? t("sendingCode") : t("sendCode")}
      </Button>
      {state.ok ? <Alert tone="ok">{t("codeSent")}</Alert> : null}
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <Field id={id} label={t("codeLabel")} errors={errors}>
        <Input
          {...fieldAria(id, false, errors)}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          pattern="\d{6}"
          className="max-w-40 tracking-widest"
        />
      </Field>
    </fieldset>
  );
}
