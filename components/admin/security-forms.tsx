"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { blockPersonAction, reviewFindingAction, unblockPersonAction } from "@/app/actions/admin";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { SmallFormState } from "@/lib/actions/form-values";

const INITIAL: SmallFormState = { values: {}, nonce: 0 };

function Outcome({ state, ok }: { state: SmallFormState; ok: string }) {
  if (state.ok) return <Alert tone="ok">{ok}</Alert>;
  return state.message ? <Alert tone="error">{state.message}</Alert> : null;
}

/** Blocks the person behind a finding pending review, with a reason for the other operators. */
export function BlockPersonForm({ personId, findingId }: { personId: string; findingId: string }) {
  const t = useTranslations("admin.security");
  const [state, action, pending] = useActionState(blockPersonAction, INITIAL);
  const errors = state.fieldErrors?.reason;
  const id = `block-reason-${findingId}`;
  return (
    <form action={action} key={state.nonce} className="space-y-2" aria-label={t("block")}>
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="findingId" value={findingId} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-60 grow sm:max-w-md">
          <Field id={id} label={t("reason")} errors={errors}>
            <Input
              name="reason"
              defaultValue={state.values.reason}
              required
              maxLength={500}
              {...fieldAria(id, false, errors)}
            />
          </Field>
        </div>
        <Button type="submit" variant="danger" disabled={pending}>
          {t("block")}
        </Button>
      </div>
      <Outcome state={state} ok={t("blockedOk")} />
    </form>
  );
}

/** Takes a finding off the open list. */
export function ReviewFindingForm({ findingId }: { findingId: string }) {
  const t = useTranslations("admin.security");
  const [state, action, pending] = useActionState(reviewFindingAction, INITIAL);
  return (
    <form action={action} key={state.nonce} className="space-y-2">
      <input type="hidden" name="findingId" value={findingId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("review")}
      </Button>
      <Outcome state={state} ok={t("reviewedOk")} />
    </form>
  );
}

/** Lifts a block pending review. */
export function UnblockPersonForm({ personId }: { personId: string }) {
  const t = useTranslations("admin.security");
  const [state, action, pending] = useActionState(unblockPersonAction, INITIAL);
  return (
    <form action={action} key={state.nonce} className="space-y-2">
      <input type="hidden" name="personId" value={personId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("unblock")}
      </Button>
      <Outcome state={state} ok={t("unblockedOk")} />
    </form>
  );
}
