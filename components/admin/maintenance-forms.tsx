"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { cancelMaintenanceAction, scheduleMaintenanceAction } from "@/app/actions/maintenance";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { SmallFormState } from "@/lib/actions/form-values";

const INITIAL: SmallFormState = { values: {}, nonce: 0 };

const TIME_FIELDS = ["announceFrom", "startsAt", "endsAt"] as const;
const MESSAGE_FIELDS = ["messageRu", "messageKk", "messageEn"] as const;

/** Plans a window: times as Almaty wall time, a message in one language or more (admins only). */
export function ScheduleMaintenanceForm({ defaults }: { defaults: Record<(typeof TIME_FIELDS)[number], string> }) {
  const t = useTranslations("maintenance.admin.form");
  const [state, action, pending] = useActionState(scheduleMaintenanceAction, INITIAL);
  const errors = state.fieldErrors ?? {};
  const value = (name: string) => state.values[name] ?? (defaults as Record<string, string>)[name] ?? "";
  return (
    <form action={action} key={state.nonce} className="space-y-3" aria-labelledby="schedule-title">
      <h2 id="schedule-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <div className="grid gap-3 sm:grid-cols-3">
        {TIME_FIELDS.map((name) => (
          <Field key={name} id={`mw-${name}`} label={t(name)} errors={errors[name]}>
            <Input
              name={name}
              type="datetime-local"
              defaultValue={value(name)}
              required
              {...fieldAria(`mw-${name}`, false, errors[name])}
            />
          </Field>
        ))}
      </div>
      <div className="grid gap-3 lg:grid-cols-3">
        {MESSAGE_FIELDS.map((name) => (
          <Field
            key={name}
            id={`mw-${name}`}
            label={t(name)}
            errors={errors[name]}
            hint={name === "messageRu" ? t("messageHint") : undefined}
          >
            <textarea
              name={name}
              rows={3}
              maxLength={500}
              defaultValue={value(name)}
              className="block w-full rounded-lg border border-line bg-white px-3 py-2 text-base text-ink aria-[invalid=true]:border-danger"
              {...fieldAria(`mw-${name}`, name === "messageRu", errors[name])}
            />
          </Field>
        ))}
      </div>
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
      {state.ok ? <Alert tone="ok">{t("scheduled")}</Alert> : null}
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}

/** Cancels a planned window, or ends a running one. */
export function CancelMaintenanceForm({ windowId, running }: { windowId: string; running: boolean }) {
  const t = useTranslations("maintenance.admin");
  const [state, action, pending] = useActionState(cancelMaintenanceAction, INITIAL);
  return (
    <form action={action} key={state.nonce} className="space-y-2">
      <input type="hidden" name="windowId" value={windowId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {running ? t("end") : t("cancel")}
      </Button>
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
