"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { addRequestNoteAction, markRequestReadAction, setRequestStatusAction } from "@/app/actions/requests";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import type { SmallFormState } from "@/lib/actions/form-values";
import type { RequestStatusKey } from "@/lib/requests/constants";

const initial: SmallFormState = { values: {}, nonce: 0 };

/** Buttons for the statuses staff may move the request to from where it is. */
export function StatusButtons({ requestId, moves }: { requestId: string; moves: RequestStatusKey[] }) {
  const t = useTranslations("requests");
  const [state, action, pending] = useActionState<SmallFormState, FormData>(setRequestStatusAction, initial);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <div className="flex flex-wrap gap-2">
        {moves.map((s) => (
          <Button key={s} type="submit" name="status" value={s} variant="secondary" disabled={pending}>
            {t("status.moveTo", { status: t(`statuses.${s}`) })}
          </Button>
        ))}
      </div>
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}

/** An internal note (staff only). */
export function NoteForm({ requestId }: { requestId: string }) {
  const t = useTranslations("requests");
  const [state, action, pending] = useActionState<SmallFormState, FormData>(addRequestNoteAction, initial);
  return (
    <form action={action} key={state.nonce} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <Field id="note-text" label={t("notes.add")} hint={t("notes.hint")} errors={state.fieldErrors?.text}>
        <textarea
          name="text"
          required
          maxLength={10000}
          className="block min-h-20 w-full rounded-lg border border-line bg-white px-3 py-2 text-base"
          defaultValue={state.values.text ?? ""}
          {...fieldAria("note-text", true, state.fieldErrors?.text)}
        />
      </Field>
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("notes.add")}
      </Button>
    </form>
  );
}

/** Marks the thread read once it is shown (unread counts). */
export function MarkRead({ requestId, unread }: { requestId: string; unread: number }) {
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || unread === 0) return;
    sent.current = true;
    const form = new FormData();
    form.set("requestId", requestId);
    void markRequestReadAction(form);
  }, [requestId, unread]);
  return null;
}
