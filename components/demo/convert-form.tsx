"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState } from "react";
import {
  convertDemoAction,
  requestConversionCodeAction,
  type ConversionCodeState,
  type ConvertDemoState,
} from "@/app/actions/demo";
import { RegistrationFields } from "@/components/auth/register-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/**
 * Turning a demo cabinet into a real Partner (BIZ-3): the visitor's real mobile number and the code
 * sent to it, then what the ordinary registration asks.
 */
export function ConvertDemoForm() {
  const t = useTranslations("demoConvert");
  const [state, formAction, pending] = useActionState<ConvertDemoState, FormData>(convertDemoAction, { values: {} });
  const [sent, sendCode, sending] = useActionState<ConversionCodeState, string>(requestConversionCodeAction, {});
  const [phone, setPhone] = useState(state.values.phone ?? "");
  const errors = state.fieldErrors ?? {};
  const phoneErrors = [...(sent.fieldErrors?.phone ?? []), ...(errors.phone ?? [])];

  return (
    <form action={formAction} noValidate className="space-y-8">
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">{t("phoneSection")}</legend>
        <Field id="phone" label={t("phoneLabel")} hint={t("phoneHint")} errors={phoneErrors}>
          <Input
            {...fieldAria("phone", true, phoneErrors)}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder="+7 7__ ___ __ __"
            required
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
          />
        </Field>
        <Button
          type="button"
          variant="secondary"
          disabled={sending}
          onClick={() => startTransition(() => sendCode(phone))}
        >
          {sending ? t("sendingCode") : t("sendCode")}
        </Button>
        {sent.sentTo ? <Alert tone="ok">{t("codeSent", { phone: sent.sentTo })}</Alert> : null}
        {sent.message && !sent.fieldErrors?.phone ? <Alert tone="error">{sent.message}</Alert> : null}
        <Field id="code" label={t("codeLabel")} errors={errors.code}>
          <Input
            {...fieldAria("code", false, errors.code)}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            pattern="\d{6}"
            className="max-w-40 tracking-widest"
            defaultValue={state.values.code}
          />
        </Field>
      </fieldset>
      <RegistrationFields values={state.values} errors={errors} button={t("submit")} />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
