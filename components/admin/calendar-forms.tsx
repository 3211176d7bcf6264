"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import {
  removeCalendarDayAction,
  saveCalendarDayAction,
  setWorkingHoursAction,
} from "@/app/(admin)/admin/calendar/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { SmallFormState } from "@/lib/actions/form-values";
import { CALENDAR_DAY_KINDS } from "@/lib/calendar/kinds";

const INITIAL: SmallFormState = { values: {}, nonce: 0 };

function Outcome({ state, ok }: { state: SmallFormState; ok: string }) {
  if (state.ok) return <Alert tone="ok">{ok}</Alert>;
  return state.message ? <Alert tone="error">{state.message}</Alert> : null;
}

export interface CalendarDayValues {
  date: string;
  kind: string;
  nameRu: string;
  nameKk: string;
  nameEn: string;
  note: string | null;
}

/** Adds a special day, or changes the one on the date (a day given as `day` is edited in place). */
export function CalendarDayForm({ day, idPrefix = "new-day" }: { day?: CalendarDayValues; idPrefix?: string }) {
  const t = useTranslations("admin.calendar");
  const [state, action, pending] = useActionState(saveCalendarDayAction, INITIAL);
  const errors = state.fieldErrors ?? {};
  const value = (k: keyof CalendarDayValues) => state.values[k] ?? day?.[k] ?? "";
  const id = (k: string) => `${idPrefix}-${k}`;
  const text = (k: "nameRu" | "nameKk" | "nameEn" | "note", max: number, required = false) => (
    <Field id={id(k)} label={t(k)} errors={errors[k]}>
      <Input
        name={k}
        defaultValue={value(k)}
        required={required}
        maxLength={max}
        {...fieldAria(id(k), false, errors[k])}
      />
    </Field>
  );
  return (
    <form action={action} key={state.nonce} className="space-y-3" aria-label={day ? t("edit") : t("addTitle")}>
      <div className="grid gap-3 sm:grid-cols-2">
        {day ? (
          <input type="hidden" name="date" value={day.date} />
        ) : (
          <Field id={id("date")} label={t("date")} errors={errors.date}>
            <Input
              name="date"
              type="date"
              defaultValue={value("date")}
              required
              {...fieldAria(id("date"), false, errors.date)}
            />
          </Field>
        )}
        <Field id={id("kind")} label={t("kind")} errors={errors.kind}>
          <Select name="kind" defaultValue={value("kind") || "HOLIDAY"} {...fieldAria(id("kind"), false, errors.kind)}>
            {CALENDAR_DAY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        {text("nameRu", 200, true)}
        {text("nameKk", 200)}
        {text("nameEn", 200)}
        {text("note", 500)}
      </div>
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
      <Outcome state={state} ok={t("saved")} />
    </form>
  );
}

/** Removes a special day: the date becomes ordinary again. */
export function RemoveCalendarDayForm({ date, label }: { date: string; label: string }) {
  const t = useTranslations("admin.calendar");
  const [state, action, pending] = useActionState(removeCalendarDayAction, INITIAL);
  return (
    <form action={action} key={state.nonce} className="space-y-2">
      <input type="hidden" name="date" value={date} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`${t("remove")}: ${label}`}>
        {t("remove")}
      </Button>
      <Outcome state={state} ok={t("removed")} />
    </form>
  );
}

/** An outsourcing company's working hours (admins only). */
export function WorkingHoursForm({ companyId, start, end }: { companyId: string; start: string; end: string }) {
  const t = useTranslations("admin.calendar");
  const [state, action, pending] = useActionState(setWorkingHoursAction, INITIAL);
  const errors = state.fieldErrors ?? {};
  const id = (k: string) => `hours-${companyId}-${k}`;
  return (
    <form action={action} key={state.nonce} className="space-y-2" aria-label={t("hoursTitle")}>
      <input type="hidden" name="companyId" value={companyId} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-32">
          <Field id={id("start")} label={t("start")} errors={errors.start}>
            <Input
              name="start"
              type="time"
              defaultValue={state.values.start ?? start}
              required
              {...fieldAria(id("start"), false, errors.start)}
            />
          </Field>
        </div>
        <div className="w-32">
          <Field id={id("end")} label={t("end")} errors={errors.end}>
            <Input
              name="end"
              type="time"
              defaultValue={state.values.end ?? end}
              required
              {...fieldAria(id("end"), false, errors.end)}
            />
          </Field>
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("saveHours")}
        </Button>
      </div>
      <Outcome state={state} ok={t("hoursSaved")} />
    </form>
  );
}
