import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CancelMaintenanceForm, ScheduleMaintenanceForm } from "@/components/admin/maintenance-forms";
import { Card } from "@/components/ui/card";
import { maintenanceMessage } from "@/lib/maintenance/decision";
import { almatyLocalInput, almatyMinute } from "@/lib/maintenance/format";
import { maintenanceWindowsLoader } from "@/lib/maintenance/queries";
import { can } from "@/lib/permissions/catalog";
import { load, requirePlace } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("maintenance.admin"))("title") };
}

type Window = Awaited<ReturnType<typeof maintenanceWindowsLoader.load>>["current"][number];

/** Maintenance windows (001 §3.11): running, planned, past; admins plan and cancel them. */
export default async function MaintenancePage() {
  const { actor } = await requirePlace("operator");
  const data = await load(maintenanceWindowsLoader);
  const [t, locale] = await Promise.all([getTranslations("maintenance.admin"), getLocale()]);
  const canManage = can(actor.rights, "platform.maintenance.manage");
  const hour = 3_600_000;
  const start = new Date(Math.ceil((data.now.getTime() + 2 * hour) / hour) * hour);
  const defaults = {
    announceFrom: almatyLocalInput(data.now),
    startsAt: almatyLocalInput(start),
    endsAt: almatyLocalInput(new Date(start.getTime() + hour)),
  };

  const item = (w: Window, open: boolean) => {
    const message = maintenanceMessage(w, locale);
    return (
      <li key={w.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="font-semibold">
            {t("times", { from: almatyMinute(w.startsAt), until: almatyMinute(w.endsAt) })}
          </p>
          <p className="text-sm text-muted">{t("announceFromShown", { at: almatyMinute(w.announceFrom) })}</p>
          <p className="break-words text-sm">{message ?? t("noMessage")}</p>
          <p className="text-sm text-muted">{t("createdBy", { name: w.createdBy ?? "—" })}</p>
          {w.cancelledAt ? (
            <p className="text-sm text-muted">
              {w.cancelledBy
                ? t("cancelledBy", { at: almatyMinute(w.cancelledAt), name: w.cancelledBy })
                : t("cancelled", { at: almatyMinute(w.cancelledAt) })}
            </p>
          ) : null}
        </div>
        {open && canManage ? <CancelMaintenanceForm windowId={w.id} running={w.startsAt <= data.now} /> : null}
      </li>
    );
  };
  const section = (id: string, title: string, rows: Window[], open: boolean) => (
    <Card aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {rows.length ? (
        <ul className="divide-y divide-line">{rows.map((w) => item(w, open))}</ul>
      ) : (
        <p className="mt-1 text-sm text-muted">{t("none")}</p>
      )}
    </Card>
  );

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro")}</p>
      </div>
      {section("mw-current", t("current"), data.current, true)}
      {section("mw-upcoming", t("upcoming"), data.upcoming, true)}
      {canManage ? (
        <Card>
          <ScheduleMaintenanceForm defaults={defaults} />
        </Card>
      ) : (
        <p className="text-sm text-muted">{t("readOnly")}</p>
      )}
      {section("mw-past", t("past"), data.past, false)}
    </div>
  );
}
