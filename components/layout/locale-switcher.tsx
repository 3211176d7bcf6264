import { LOCALES, type Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import { cn } from "@/lib/utils";

/**
 * The language buttons: a plain form posting to `POST /api/locale`, so it works on every page
 * without JavaScript (the landing has none). The route keeps the choice and answers 303 back to
 * `returnTo`, or to the page the form was on (its Referer) when a layout cannot know the path.
 */
export function LocaleSwitcher({
  t,
  current,
  returnTo,
  className,
}: {
  t: Translate;
  current: Locale;
  returnTo?: string;
  className?: string;
}) {
  return (
    <form method="post" action="/api/locale" className={cn("inline-flex", className)}>
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
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
