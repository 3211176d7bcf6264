"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { activatePartnerAction, restorePartnerAction, suspendPartnerAction } from "@/app/actions/admin";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { SmallFormState } from "@/lib/actions/form-values";

const INITIAL: SmallFormState = { values: {}, nonce: 0 };

function Outcome({ state, ok }: { state: SmallFormState; ok: string }) {
  if (state.ok) return <Alert tone="ok">{ok}</Alert>;
  return state.message ? <Alert tone="error">{state.message}</Alert> : null;
}

/** Demo → active with the service contract's number and date (admins only). */
export function ActivatePartnerForm({ partnerId }: { partnerId: string }) {
  const t = useTranslations("admin.status");
  const [state, action, pending] = useActionState(activatePartnerAction, INITIAL);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} key={state.nonce} className="space-y-3" aria-labelledby="activate-title">
      <h3 id="activate-title" className="font-semibold">
        {t("activateTitle")}
      </h3>
      <input type="hidden" name="partnerId" value={partnerId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="contract-number" label={t("contractNumber")} errors={errors.contractNumber}>
          <Input
            name="contractNumber"
            defaultValue={state.values.contractNumber}
            required
            maxLength={50}
            {...fieldAria("contract-number", false, errors.contractNumber)}
          />
        </Field>
        <Field id="contract-date" label={t("contractDate")} errors={errors.contractDate}>
          <Input
            name="contractDate"
            type="date"
            defaultValue={state.values.contractDate}
            required
            {...fieldAria("contract-date", false, errors.contractDate)}
          />
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {t("activate")}
      </Button>
      <Outcome state={state} ok={t("activated")} />
    </form>
  );
}

/** Suspends or blocks the Partner with a reason its users will read. */
export function SuspendPartnerForm({
  partnerId,
  statusLabels,
}: {
  partnerId: string;
  statusLabels: Record<string, string>;
}) {
  const t = useTranslations("admin.status");
  const [state, action, pending] = useActionState(suspendPartnerAction, INITIAL);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} key={state.nonce} className="space-y-3" aria-labelledby="suspend-title">
      <h3 id="suspend-title" className="font-semibold">
        {t("suspendTitle")}
      </h3>
      <input type="hidden" name="partnerId" value={partnerId} />
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <Field id="suspend-status" label={t("newStatus")} errors={errors.status}>
          <Select
            name="status"
            defaultValue={state.values.status ?? "SUSPENDED"}
            {...fieldAria("suspend-status", false, errors.status)}
          >
            {(["SUSPENDED", "BLOCKED"] as const).map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="suspend-reason" label={t("reasonLabel")} errors={errors.reason}>
          <Input
            name="reason"
            defaultValue={state.values.reason}
            required
            maxLength={500}
            {...fieldAria("suspend-reason", false, errors.reason)}
          />
        </Field>
      </div>
      <Button type="submit" variant="danger" disabled={pending}>
        {t("suspend")}
      </Button>
      <Outcome state={state} ok={t("suspended")} />
    </form>
  );
}

/** Gives a suspended or blocked Partner its cabinet back. */
export function RestorePartnerForm({ partnerId, restoresTo }: { partnerId: string; restoresTo: string }) {
  const t = useTranslations("admin.status");
  const [state, action, pending] = useActionState(restorePartnerAction, INITIAL);
  return (
    <form action={action} key={state.nonce} className="space-y-3" aria-labelledby="restore-title">
      <h3 id="restore-title" className="font-semibold">
        {t("restoreTitle")}
      </h3>
      <p className="text-sm text-muted">{t("restoreHint", { status: restoresTo })}</p>
      <input type="hidden" name="partnerId" value={partnerId} />
      <Button type="submit" disabled={pending}>
        {t("restore")}
      </Button>
      <Outcome state={state} ok={t("restored")} />
    </form>
  );
}
