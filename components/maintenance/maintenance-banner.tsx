import { getLocale, getTranslations } from "next-intl/server";
import { maintenanceMessage } from "@/lib/maintenance/decision";
import { almatyMinute } from "@/lib/maintenance/format";
import { maintenanceNoticeLoader } from "@/lib/maintenance/queries";
import { load } from "@/lib/tenancy/request";

/**
 * The notice of planned maintenance on every page, from the window's announcement until its end,
 * times in Almaty. Operators still working during the window see that it is running. A page whose
 * database is unreachable (error pages) simply shows no banner.
 */
export async function MaintenanceBanner() {
  const notice = await load(maintenanceNoticeLoader).catch(() => null);
  if (!notice) return null;
  const [t, locale] = await Promise.all([getTranslations("maintenance.banner"), getLocale()]);
  const times = { from: almatyMinute(notice.window.startsAt), until: almatyMinute(notice.window.endsAt) };
  const message = maintenanceMessage(notice.window, locale);
  return (
    <aside
      aria-label={t("label")}
      data-testid="maintenance-banner"
      className="border-b border-line bg-warn-bg px-4 py-2 text-sm text-warn"
    >
      <p className="mx-auto max-w-6xl">
        <strong>{notice.phase === "active" ? t("active", times) : t("announced", times)}</strong>
        {message ? <span className="break-words"> {message}</span> : null}
      </p>
    </aside>
  );
}
