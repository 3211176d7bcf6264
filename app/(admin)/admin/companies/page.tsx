import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AddStaffForm } from "@/components/admin/add-staff-form";
import { WorkingHoursForm } from "@/components/admin/calendar-forms";
import { Card } from "@/components/ui/card";
import { companiesLoader } from "@/lib/admin/queries";
import { minutesToClock } from "@/lib/calendar/schemas";
import { can } from "@/lib/permissions/catalog";
import { load, requirePlace } from "@/lib/tenancy/request";
import { formatPhone } from "@/lib/validation/phone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("companies.title") };
}

/** Outsourcing companies and their staff (OPS-1); admins add staff members here. */
export default async function AdminCompaniesPage() {
  const { actor } = await requirePlace("operator");
  const companies = await load(companiesLoader);
  const t = await getTranslations("admin");
  const tc = await getTranslations("cabinet");
  const canAdd = can(actor.rights, "platform.staff.manage");
  const canSetHours = can(actor.rights, "platform.calendar.manage");
  const tcal = await getTranslations("admin.calendar");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("companies.title")}</h1>
      {companies.map((c) => (
        <Card key={c.id} aria-labelledby={`company-${c.id}`} className="space-y-4">
          <div>
            <h2 id={`company-${c.id}`} className="text-lg font-semibold">
              {c.name}
            </h2>
            <p className="text-sm text-muted">{t("companies.serves", { count: c._count.partners })}</p>
            <p className="text-sm text-muted" data-testid="working-hours">
              {tcal("hours", { start: minutesToClock(c.workdayStartMinute), end: minutesToClock(c.workdayEndMinute) })}
            </p>
          </div>
          {canSetHours ? (
            <WorkingHoursForm
              companyId={c.id}
              start={minutesToClock(c.workdayStartMinute)}
              end={minutesToClock(c.workdayEndMinute)}
            />
          ) : null}
          <ul className="divide-y divide-line">
            {c.staff.map((s) => (
              <li key={s.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span className="font-medium">{s.person.name}</span>
                <span className="text-sm text-muted">
                  {tc(`roles.${s.role}`)} · <span className="whitespace-nowrap">{formatPhone(s.person.phone)}</span> ·{" "}
                  {t("companies.assignments", { count: s._count.assignments })}
                </span>
              </li>
            ))}
          </ul>
          {canAdd ? <AddStaffForm companyId={c.id} companyName={c.name} /> : null}
        </Card>
      ))}
    </div>
  );
}
