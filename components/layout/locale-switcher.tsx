"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { changeLocaleAction } from "@/app/actions/locale";
import { LOCALES } from "@/lib/i18n/config";
import { cn } from "@/lib/utils";

export function LocaleSwitcher({ className }: { className?: string }) {
  const t = useTranslations();
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div
      role="group"
      aria-label={t("common.language")}
      className={cn("inline-flex rounded-lg border border-line bg-white p-0.5", className)}
    >
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await changeLocaleAction(locale);
              router.refresh();
            })
          }
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
  );
}
