"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setServingCompanyAction } from "@/app/actions/admin";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { SmallFormState } from "@/lib/actions/form-values";

/** Which outsourcing company serves a Partner (admins only). */
export function ServingCompanyForm({
  partnerId,
  current,
  companies,
}: {
  partnerId: string;
  current: string | null;
  companies: { id: string; name: string }[];
}) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState<SmallFormState, FormData>(setServingCompanyAction, {
    values: {},
    nonce: 0,
  });
  return (
    <form action={action} key={state.nonce} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="partnerId" value={partnerId} />
      <div className="min-w-64 grow">
        <Field id="serving-company" label={t("partners.servingCompany")}>
          <Select id="serving-company" name="companyId" defaultValue={state.values.companyId ?? current ?? ""}>
            <option value="">{t("partners.noCompany")}</option>
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {t("partners.save")}
      </Button>
      {state.ok ? <Alert tone="ok">{t("partners.saved")}</Alert> : null}
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
