import { getLocale, getTranslations } from "next-intl/server";
import { changeLocaleFormAction } from "@/app/actions/locale";
import { LOCALES } from "@/lib/i18n/config";
import { cn } from "@/lib/utils";

/**
 * The language buttons: a server-rendered form posting to a server action, so the public pages
 * ship no JavaScript of their own for it (and it works before the page's scripts have loaded).
 * The action keeps the choice and revalidates the layout, which re-renders in the new language.
 */
export async function LocaleSwitcher({ className }: { className?: string }) {
  const t = await getTranslations();
  const current = await getLocale();
  return (
    <form action={changeLocaleFormAction} className={cn("inline-flex", className)}>
      <div
        role="group"
        aria-label={t("common.language")}
        className="inline-flex rounded-lg border border-line bg-white p-0.5"
      >
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={locale === current}
            className={cn(
              "min-h-9 min-w-11 rounded-md px-2 text-sm font-medium",
              locale === current ? "bg-brand-700 text-white" : "text-ink hover:bg-brand-50",
            )}
            title={t(`locales.${locale}`)}
          >
            {locale.toUpperCase()}
          </button>
        ))}
      </div>
    </form>
  );
}
