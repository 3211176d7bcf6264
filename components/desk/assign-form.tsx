"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { assignStaffAction } from "@/app/actions/desk";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { SmallFormState } from "@/lib/actions/form-values";
import { RESPONSIBILITIES } from "@/lib/desk/schemas";

/** A manager's or operator's choice of who serves a Partner, and for what (OPS-1). */
export function AssignForm({
  partnerId,
  staff,
}: {
  partnerId: string;
  staff: { id: string; name: string; roleLabel: string }[];
}) {
  const t = useTranslations("desk");
  const [state, action, pending] = useActionState<SmallFormState, FormData>(assignStaffAction, {
    values: {},
    nonce: 0,
  });
  return (
    <form action={action} key={state.nonce} className="space-y-3">
      <input type="hidden" name="partnerId" value={partnerId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="assign-staff" label={t("assign.staff")} errors={state.fieldErrors?.staffMemberId}>
          <Select
            name="staffMemberId"
            defaultValue={state.values.staffMemberId ?? ""}
            required
            {...fieldAria("assign-staff", false, state.fieldErrors?.staffMemberId)}
          >
            <option value="" disabled>
              {t("assign.choose")}
            </option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — {s.roleLabel}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="assign-responsibility" label={t("assign.responsibility")} errors={state.fieldErrors?.responsibility}>
          <Select
            name="responsibility"
            defaultValue={state.values.responsibility ?? "ACCOUNTING"}
            {...fieldAria("assign-responsibility", false, state.fieldErrors?.responsibility)}
          >
            {RESPONSIBILITIES.map((r) => (
              <option key={r} value={r}>
                {t(`responsibilities.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {t("assign.submit")}
      </Button>
      {state.ok ? <Alert tone="ok">{t("assign.done")}</Alert> : null}
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
