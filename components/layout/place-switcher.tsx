"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { switchPlaceAction } from "@/app/actions/place";

/** The header's choice of place (cabinets, desks, back office, shared documents), for people who have several. */
export function PlaceSwitcher({
  places,
  active,
}: {
  places: { value: string; label: string }[];
  active: string | null;
}) {
  const t = useTranslations("places");
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={switchPlaceAction} className="min-w-0">
      <label htmlFor="place-switcher" className="sr-only">
        {t("switch")}
      </label>
      <select
        id="place-switcher"
        name="place"
        defaultValue={active ?? undefined}
        onChange={() => form.current?.requestSubmit()}
        className="max-w-full min-h-10 truncate rounded-lg border border-line bg-white px-2 text-base font-bold text-brand-800"
      >
        {places.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">{t("switch")}</button>
      </noscript>
    </form>
  );
}
