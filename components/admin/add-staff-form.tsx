"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { addStaffMemberAction } from "@/app/actions/admin";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { SmallFormState } from "@/lib/actions/form-values";
import { STAFF_ROLES } from "@/lib/admin/staff-roles";

/** An admin adds a person to a company's staff by phone; they are told by SMS and log in by code. */
export function AddStaffForm({ companyId, companyName }: { companyId: string; companyName: string }) {
  const t = useTranslations("admin");
  const tc = useTranslations("cabinet");
  const [state, action, pending] = useActionState<SmallFormState, FormData>(addStaffMemberAction, {
    values: {},
    nonce: 0,
  });
  const id = (field: string) => `staff-${companyId}-${field}`;
  return (
    <form
      action={action}
      key={state.nonce}
      className="space-y-3"
      aria-label={t("staff.addTo", { company: companyName })}
    >
      <input type="hidden" name="companyId" value={companyId} />
      <div className="grid gap-3 md:grid-cols-3">
        <Field id={id("phone")} label={t("staff.phone")} errors={state.fieldErrors?.phone}>
          <Input
            name="phone"
            type="tel"
            autoComplete="off"
            defaultValue={state.values.phone}
            required
            {...fieldAria(id("phone"), false, state.fieldErrors?.phone)}
          />
        </Field>
        <Field id={id("name")} label={t("staff.name")} errors={state.fieldErrors?.name}>
          <Input
            name="name"
            defaultValue={state.values.name}
            required
            {...fieldAria(id("name"), false, state.fieldErrors?.name)}
          />
        </Field>
        <Field id={id("role")} label={t("staff.role")} errors={state.fieldErrors?.role}>
          <Select
            name="role"
            defaultValue={state.values.role ?? "ACCOUNTANT"}
            {...fieldAria(id("role"), false, state.fieldErrors?.role)}
          >
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {tc(`roles.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {t("staff.add")}
      </Button>
      {state.ok ? <Alert tone="ok">{t("staff.added")}</Alert> : null}
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
