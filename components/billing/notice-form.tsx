"use client";

import { useActionState, type ReactNode } from "react";
import type { NoticeState } from "@/app/actions/members";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A form whose fields are rendered by the page, with the server's answer under its button. */
export function NoticeForm({
  action,
  submit,
  done,
  children,
  className,
}: {
  action: (previous: NoticeState, formData: FormData) => Promise<NoticeState>;
  submit: string;
  done: string;
  children: ReactNode;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState<NoticeState, FormData>(action, {});
  return (
    <form action={formAction} className={className ?? "space-y-3"}>
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" disabled={pending}>
          {submit}
        </Button>
        {state.ok ? <Alert tone="ok">{done}</Alert> : null}
        {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      </div>
    </form>
  );
}
