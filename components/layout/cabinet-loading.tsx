import { getTranslations } from "next-intl/server";

/**
 * Shown inside the cabinet's frame while a page loads. Each section has its own loading.tsx
 * below a layout that checks access first: a boundary above that check would send "200"
 * before a refusal could answer "404". Streamed content needs JavaScript to be revealed, so the
 * company page, whose form is also submitted without it (e2e/users/delegation.spec.ts), has none.
 */
export async function CabinetLoading() {
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
