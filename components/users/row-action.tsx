"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { NoticeState } from "@/app/actions/members";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * One button acting on one row (resend, cancel, revoke, accept), with the server's answer beside
 * it; `confirm` asks again in place before a destructive step.
 */
export function RowAction({
  action,
  name,
  value,
  label,
  done,
  confirm,
  variant = "secondary",
}: {
  action: (previous: NoticeState, formData: FormData) => Promise<NoticeState>;
  name: string;
  value: string;
  label: string;
  done?: string;
  confirm?: { question: string; yes: string };
  variant?: "primary" | "secondary" | "danger";
}) {
  const t = useTranslations("users");
  const [state, formAction, pending] = useActionState<NoticeState, FormData>(action, {});
  const [asking, setAsking] = useState(false);
  return (
    <div className="space-y-2">
      {confirm && !asking ? (
        <Button type="button" variant={variant} size="sm" onClick={() => setAsking(true)}>
          {label}
        </Button>
      ) : (
        <form action={formAction} className="space-y-2">
          <input type="hidden" name={name} value={value} />
          {confirm ? (
            <p className="text-sm" role="alert">
              {confirm.question}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant={variant} size="sm" disabled={pending}>
              {confirm ? confirm.yes : label}
            </Button>
            {confirm ? (
              <Button type="button" variant="ghost" size="sm" onClick={() => setAsking(false)}>
                {t("close")}
              </Button>
            ) : null}
          </div>
        </form>
      )}
      {state.ok && done ? <Alert tone="ok">{done}</Alert> : null}
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
    </div>
  );
}
