"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import {
  createRouteAction,
  decideStepAction,
  requestSignCodeAction,
  type SignFormState,
} from "@/app/actions/signatures";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ROUTE_ORDERINGS, ROUTE_PURPOSES } from "@/lib/signatures/constants";
import { EcpSign } from "./ecp-sign";

type Person = { personId: string; name: string; role: string };

const errorsOf = (state: SignFormState) =>
  Object.values(state.fieldErrors ?? {})
    .flat()
    .filter(Boolean);

/**
 * "Отправить на подпись": the document's current version for signature or approval, to the
 * Partner's users, the serving company's staff and one counterparty; in order (the numbers beside
 * each person) or all at once; with a deadline.
 */
export function RouteForm({
  documentId,
  members,
  staff,
  allowCounterparty,
}: {
  documentId: string;
  members: Person[];
  staff: Person[];
  allowCounterparty: boolean;
}) {
  const t = useTranslations("signatures.form");
  const tp = useTranslations("signatures");
  const [state, run, pending] = useActionState<SignFormState, FormData>(createRouteAction, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  const person = (kind: "member" | "staff", p: Person, n: number) => (
    <li key={`${kind}-${p.personId}`} className="flex items-center justify-between gap-3 py-1">
      <label className="flex min-h-11 min-w-0 items-center gap-2 text-sm">
        <input type="checkbox" name={kind} value={p.personId} className="size-5 shrink-0" />
        <span className="break-words">
          {p.name} <span className="text-muted">· {tp(`roles.${p.role as "PRIMARY"}`)}</span>
        </span>
      </label>
      <input
        type="number"
        min={1}
        max={20}
        name={`order-${p.personId}`}
        defaultValue={n}
        aria-label={t("orderOf", { name: p.name })}
        className="w-16 shrink-0 rounded-lg border border-line px-2 py-1.5 text-base"
      />
    </li>
  );
  return (
    <form ref={form} action={run} className="space-y-4" aria-label={t("title")}>
      <input type="hidden" name="documentId" value={documentId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("purpose")}</legend>
        <div className="flex flex-wrap gap-x-5">
          {ROUTE_PURPOSES.map((p) => (
            <label key={p} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name="purpose" value={p} defaultChecked={p === "SIGNATURE"} className="size-5" />
              {tp(`purposes.${p}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("ordering")}</legend>
        <div className="flex flex-wrap gap-x-5">
          {ROUTE_ORDERINGS.map((o) => (
            <label key={o} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name="ordering" value={o} defaultChecked={o === "SEQUENTIAL"} className="size-5" />
              {tp(`orderings.${o}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-semibold">{t("people")}</legend>
        <p className="text-sm text-muted">{t("orderHint")}</p>
        {members.length ? (
          <>
            <p className="pt-2 text-sm font-medium">{t("members")}</p>
            <ul>{members.map((m, i) => person("member", m, i + 1))}</ul>
          </>
        ) : null}
        {staff.length ? (
          <>
            <p className="pt-2 text-sm font-medium">{t("staff")}</p>
            <ul>{staff.map((s, i) => person("staff", s, members.length + i + 1))}</ul>
          </>
        ) : null}
      </fieldset>
      {allowCounterparty ? (
        <fieldset className="space-y-3 rounded-lg border border-line p-3">
          <legend className="px-1 text-sm font-semibold">{t("counterparty")}</legend>
          <p className="text-sm text-muted">{t("counterpartyHint")}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="cp-phone" label={t("phone")}>
              <Input id="cp-phone" name="cp-phone" type="tel" autoComplete="off" placeholder="+7 701 123 45 67" />
            </Field>
            <Field id="cp-name" label={t("name")}>
              <Input id="cp-name" name="cp-name" maxLength={200} />
            </Field>
            <Field id="cp-org" label={t("organisationName")}>
              <Input id="cp-org" name="cp-organisationName" maxLength={300} />
            </Field>
            <Field id="cp-bin" label={t("organisationBin")}>
              <Input id="cp-bin" name="cp-organisationBin" inputMode="numeric" maxLength={12} />
            </Field>
            <Field id="cp-order" label={t("counterpartyOrder")}>
              <Input
                id="cp-order"
                name="order-counterparty"
                type="number"
                min={1}
                max={20}
                defaultValue={members.length + staff.length + 1}
              />
            </Field>
          </div>
        </fieldset>
      ) : null}
      <Field id="route-deadline" label={t("deadline")} hint={t("deadlineHint")} errors={state.fieldErrors?.deadline}>
        <Input id="route-deadline" name="deadline" type="date" />
      </Field>
      {state.ok ? <Alert tone="ok">{t("done")}</Alert> : null}
      {state.ok === false && state.message ? (
        <Alert tone="error">
          {state.message} {errorsOf(state).join(" ")}
        </Alert>
      ) : null}
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}

/**
 * The signer's own step when it is their turn: "Подписать" asks for a code by SMS, then the code
 * signs, or "Подписать ЭЦП" signs through NCALayer (signature routes); "Согласовать" (approval
 * routes); "Отклонить" with a reason (both).
 */
export function StepActions({
  documentId,
  stepId,
  purpose,
  iinKnown = false,
}: {
  documentId: string;
  stepId: string;
  purpose: "SIGNATURE" | "APPROVAL";
  /** The signer's IIN is already confirmed (their first ЭЦП signature asks for it). */
  iinKnown?: boolean;
}) {
  const t = useTranslations("signatures.sign");
  const [codeState, askCode, asking] = useActionState<SignFormState, FormData>(requestSignCodeAction, {});
  const [state, decide, deciding] = useActionState<SignFormState, FormData>(decideStepAction, {});
  const codeSent = codeState.ok === true || state.codeSent === true;
  const hidden = (
    <>
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="stepId" value={stepId} />
    </>
  );
  return (
    <div className="space-y-3 rounded-lg border border-brand-100 bg-brand-50 p-3">
      {purpose === "SIGNATURE" ? (
        <>
          <form action={askCode} className="space-y-2">
            {hidden}
            <p className="text-sm">{t(codeSent ? "codeSent" : "intro")}</p>
            <Button type="submit" variant={codeSent ? "secondary" : "primary"} disabled={asking}>
              {t(codeSent ? "resend" : "sign")}
            </Button>
            {codeState.ok === false && codeState.message ? <Alert tone="error">{codeState.message}</Alert> : null}
          </form>
          {codeSent ? (
            <form action={decide} className="space-y-2" aria-label={t("confirm")}>
              {hidden}
              <input type="hidden" name="decision" value="sign" />
              <Field id={`code-${stepId}`} label={t("code")} errors={state.fieldErrors?.code}>
                <Input
                  id={`code-${stepId}`}
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9]{6}"
                  maxLength={6}
                  required
                />
              </Field>
              <Button type="submit" disabled={deciding}>
                {t("confirm")}
              </Button>
            </form>
          ) : null}
          <EcpSign documentId={documentId} stepId={stepId} iinKnown={iinKnown} />
        </>
      ) : (
        <form action={decide}>
          {hidden}
          <input type="hidden" name="decision" value="approve" />
          <Button type="submit" disabled={deciding}>
            {t("approve")}
          </Button>
        </form>
      )}
      <details>
        <summary className="cursor-pointer text-sm font-medium text-danger">{t("decline")}</summary>
        <form action={decide} className="mt-2 space-y-2">
          {hidden}
          <input type="hidden" name="decision" value="decline" />
          <Field id={`reason-${stepId}`} label={t("reason")} errors={state.fieldErrors?.reason}>
            <Input id={`reason-${stepId}`} name="reason" required maxLength={2000} />
          </Field>
          <Button type="submit" variant="danger" disabled={deciding}>
            {t("declineSubmit")}
          </Button>
        </form>
      </details>
      {state.ok ? <Alert tone="ok">{t("done")}</Alert> : null}
      {state.ok === false && state.message && !state.fieldErrors?.code ? (
        <Alert tone="error">{state.message}</Alert>
      ) : null}
    </div>
  );
}
