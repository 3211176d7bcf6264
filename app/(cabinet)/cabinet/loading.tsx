import { getTranslations } from "next-intl/server";

/** Shown inside the cabinet's frame while a page loads. */
export default async function CabinetLoading() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-8 w-2/3 max-w-sm animate-pulse rounded-lg bg-brand-50" />
      <div className="h-32 animate-pulse rounded-xl border border-line bg-white" />
      <div className="h-24 animate-pulse rounded-xl border border-line bg-white" />
    </div>
  );
}
