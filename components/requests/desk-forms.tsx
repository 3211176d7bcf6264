"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import {
  addRequestNoteAction,
  assignRequestsAction,
  markRequestReadAction,
  setRequestStatusAction,
} from "@/app/actions/requests";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
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
  const t = useTranslations("requests");
  const [state, action, pending] = useActionState<SmallFormState, FormData>(assignRequestsAction, initial);
  return (
    <form action={action} id={formId} className="flex flex-wrap items-end gap-2">
      {requestId ? <input type="hidden" name="requestIds" value={requestId} /> : null}
      <div className="min-w-56">
        <Field id={`assign-${formId ?? requestId}`} label={t("assign.choose")}>
          <Select
            name="staffMemberId"
            defaultValue={current ?? ""}
            required
            {...fieldAria(`assign-${formId ?? requestId}`, false)}
          >
            <option value="" disabled>
              {t("assign.choose")}
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
        {requestId ? t("assign.submit") : t("assign.bulk")}
      </Button>
      {state.ok ? <Alert tone="ok">{t("assign.done", { count: Number(state.values.assigned ?? 0) })}</Alert> : null}
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
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
