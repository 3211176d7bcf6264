"use client";

import "./globals.css";
import { useEffect, useSyncExternalStore } from "react";
import en from "@/messages/features/fatal.en.json";
import kk from "@/messages/features/fatal.kk.json";
import ru from "@/messages/features/fatal.ru.json";

const catalogs = { ru, kk, en } as const;
type Locale = keyof typeof catalogs;

/** The browser's first language we speak; Russian before the page knows (and on the server). */
function browserLocale(): Locale {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const code = tag.slice(0, 2).toLowerCase();
    if (code in catalogs) return code as Locale;
  }
  return "ru";
}

/** The browser's languages do not change while the page is open. */
const subscribeToNothing = () => () => undefined;

/**
 * The last resort, when even the root layout failed: it replaces the whole document, so it brings
 * its own small catalog instead of the app's message provider.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useSyncExternalStore(subscribeToNothing, browserLocale, () => "ru" as const);
  useEffect(() => console.error(error), [error]);
  // Plain lookups with one placeholder: a message formatter here would load on every page.
  const texts = catalogs[locale].fatal;
  const t = (key: keyof typeof texts, values?: { id: string }) =>
    values ? texts[key].replace("{id}", values.id) : texts[key];
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <main id="main" className="px-4 py-16">
          <section role="alert" className="mx-auto max-w-xl rounded-xl border border-line bg-white p-6 shadow-sm">
            <h1 className="text-2xl font-bold">{t("title")}</h1>
            <p className="mt-3 text-muted">{t("text")}</p>
            {error.digest ? <p className="mt-2 text-sm text-muted">{t("reference", { id: error.digest })}</p> : null}
            <div className="mt-6 flex flex-wrap gap-3">
              <button
                type="button"
                onClick={reset}
                className="min-h-10 rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white"
              >
                {t("retry")}
              </button>
              {/* A full page load, not the app's router: the router may be what broke. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
              <a
                href="/"
                className="inline-flex min-h-10 items-center rounded-lg border border-line px-4 text-sm font-semibold"
              >
                {t("toHome")}
              </a>
            </div>
          </section>
        </main>
      </body>
    </html>
  );
}
