import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CalendarDayForm, RemoveCalendarDayForm } from "@/components/admin/calendar-forms";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { calendarYearLoader } from "@/lib/calendar/queries";
import { can } from "@/lib/permissions/catalog";
import { load, requirePlace } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.calendar"))("title") };
}

const KIND_BADGE: Record<string, string> = {
  HOLIDAY: "bg-danger-bg text-danger",
  DAY_OFF: "bg-warn-bg text-warn",
  WORKING_DAY: "bg-ok-bg text-ok",
};

/** The working calendar of Kazakhstan, a year at a time (issue 9 §3): admins edit, support reads. */
export default async function AdminCalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const params = await searchParams;
  const year = Array.isArray(params.year) ? params.year[0] : params.year;
  const { actor } = await requirePlace("operator");
  const data = await load(calendarYearLoader, { year });
  const canManage = can(actor.rights, "platform.calendar.manage");
  const t = await getTranslations("admin.calendar");
  const locale = await getLocale();
  const format = await getFormatter();
  const nameOf = (d: (typeof data.days)[number]) =>
    (locale === "kk" ? d.nameKk : locale === "en" ? d.nameEn : "") || d.nameRu;
  const dateLabel = (iso: string) =>
    format.dateTime(new Date(`${iso}T00:00:00Z`), { timeZone: "UTC", dateStyle: "full" });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-muted">{t("intro")}</p>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div className="space-y-1.5">
          <Label htmlFor="calendar-year">{t("year")}</Label>
          <Select id="calendar-year" name="year" defaultValue={String(data.year)}>
            {data.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </form>
      <Card aria-labelledby="calendar-days-title">
        <h2 id="calendar-days-title" className="mb-3 text-lg font-semibold">
          {t("listTitle", { year: data.year })}
        </h2>
        {data.days.length === 0 ? (
          <p className="text-sm text-muted">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-line" aria-labelledby="calendar-days-title">
            {data.days.map((d) => (
              <li key={d.id} className="space-y-2 py-3" data-testid="calendar-day" data-date={d.date}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-semibold">
                    <time dateTime={d.date}>{dateLabel(d.date)}</time>
                  </p>
                  <span
                    data-testid="calendar-kind"
                    className={`rounded px-2 py-0.5 text-xs font-semibold ${KIND_BADGE[d.kind] ?? ""}`}
                  >
                    {t(`kinds.${d.kind}`)}
                  </span>
                </div>
                <p className="break-words">{nameOf(d)}</p>
                {d.note ? <p className="text-sm break-words text-muted">{d.note}</p> : null}
                {canManage ? (
                  <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                    <details className="open:w-full">
                      <summary className="cursor-pointer text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
                        {t("edit")}
                      </summary>
                      <div className="mt-3">
                        <CalendarDayForm idPrefix={`day-${d.date}`} day={{ ...d, note: d.note ?? "" }} />
                      </div>
                    </details>
                    <RemoveCalendarDayForm date={d.date} label={dateLabel(d.date)} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {canManage ? (
        <Card aria-labelledby="calendar-add-title" className="space-y-3">
          <h2 id="calendar-add-title" className="text-lg font-semibold">
            {t("addTitle")}
          </h2>
          <p className="text-sm text-muted">{t("addHint")}</p>
          <CalendarDayForm />
        </Card>
      ) : (
        <p className="text-sm text-muted">{t("readOnly")}</p>
      )}
    </div>
  );
}
