import { getLocale, getTranslations } from "next-intl/server";
import { maintenanceNoticeLoader } from "@/lib/maintenance/queries";
import { load } from "@/lib/tenancy/request";
import { MaintenanceBannerView, maintenanceNoticeTexts } from "./maintenance-banner-view";

/**
 * The notice of planned maintenance on every page, from the window's announcement until its end,
 * times in Almaty. Operators still working during the window see that it is running. A page whose
 * database is unreachable (error pages) simply shows no banner.
 */
export async function MaintenanceBanner() {
  const notice = await load(maintenanceNoticeLoader).catch(() => null);
  if (!notice) return null;
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return <MaintenanceBannerView texts={maintenanceNoticeTexts(notice, locale, t)} />;
}
