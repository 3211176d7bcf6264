"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { assignRequestsAction } from "@/app/actions/requests";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { SmallFormState } from "@/lib/actions/form-values";

const initial: SmallFormState = { values: {}, nonce: 0 };

/**
 * A manager's choice of assignee: for one request (its id given), or for every request ticked in the
 * queue form named `formId`.
 */
export function AssignRequestsForm({
  staff,
  requestId,
  formId,
  current,
}: {
  staff: { id: string; name: string }[];
  requestId?: string;
  formId?: string;
  current?: string | null;
}) {
  const t = useTranslations("requests.assign");
  const [state, action, pending] = useActionState<SmallFormState, FormData>(assignRequestsAction, initial);
  return (
    <form action={action} id={formId} className="flex flex-wrap items-end gap-2">
      {requestId ? <input type="hidden" name="requestIds" value={requestId} /> : null}
      <div className="min-w-56">
        <Field id={`assign-${formId ?? requestId}`} label={t("choose")}>
          <Select
            name="staffMemberId"
            defaultValue={current ?? ""}
            required
            {...fieldAria(`assign-${formId ?? requestId}`, false)}
          >
            <option value="" disabled>
              {t("choose")}
            </option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {requestId ? t("submit") : t("bulk")}
      </Button>
      {state.ok ? <Alert tone="ok">{t("done", { count: Number(state.values.assigned ?? 0) })}</Alert> : null}
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
