import type { Translate } from "@/lib/i18n/translate";
import type { MaintenanceWindowState } from "@/lib/maintenance/decision";
import { maintenanceMessage } from "@/lib/maintenance/decision";
import { almatyMinute } from "@/lib/maintenance/format";

/** What the banner says: plain strings, so the script-free landing can take them as page props. */
export interface MaintenanceNoticeTexts {
  label: string;
  headline: string;
  message: string | null;
}

type Notice = { window: MaintenanceWindowState; phase: "announced" | "active" };

/** The banner's texts for a notice, in a language; `t` reads the `maintenance.banner` namespace. */
export function maintenanceNoticeTexts(notice: Notice, locale: string, t: Translate): MaintenanceNoticeTexts {
  const times = { from: almatyMinute(notice.window.startsAt), until: almatyMinute(notice.window.endsAt) };
  return {
    label: t("maintenance.banner.label"),
    headline:
      notice.phase === "active" ? t("maintenance.banner.active", times) : t("maintenance.banner.announced", times),
    message: maintenanceMessage(notice.window, locale),
  };
}

/** The notice of planned maintenance, as every page shows it (presentational). */
export function MaintenanceBannerView({ texts }: { texts: MaintenanceNoticeTexts }) {
  return (
    <aside
      aria-label={texts.label}
      data-testid="maintenance-banner"
      className="border-b border-line bg-warn-bg px-4 py-2 text-sm text-warn"
    >
      <p className="mx-auto max-w-6xl">
        <strong>{texts.headline}</strong>
        {texts.message ? <span className="break-words"> {texts.message}</span> : null}
      </p>
    </aside>
  );
}
