"use client";

import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import type { ComponentProps } from "react";
import { TIME_ZONE } from "@/lib/i18n/config";
import { ErrorCard } from "./error-card";
import { ERROR_TEXTS_ID } from "./error-texts-id";
import { PlainHeader } from "./plain-header";

function errorTexts(): { locale: string; messages: AbstractIntlMessages } {
  const json = document.getElementById(ERROR_TEXTS_ID)?.dataset.texts;
  if (json) return JSON.parse(json);
  return { locale: document.documentElement.lang || "ru", messages: {} };
}

/**
 * An error boundary's card with the texts the root layout put in the page
 * error-texts.tsx). Loaded by the boundaries through next/dynamic, only when something failed.
 */
export function BoundaryCard({ plainHeader, ...props }: ComponentProps<typeof ErrorCard> & { plainHeader?: boolean }) {
  const { locale, messages } = errorTexts();
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={TIME_ZONE}>
      {plainHeader ? (
        <>
          <PlainHeader />
          <main id="main" className="px-4 py-8 sm:py-16">
            <ErrorCard {...props} />
          </main>
        </>
      ) : (
        <ErrorCard {...props} />
      )}
    </NextIntlClientProvider>
  );
}
