"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { switchCabinetAction } from "@/app/actions/cabinet";

/** The header's choice of cabinet, for people who belong to several Partners. */
export function CabinetSwitcher({
  cabinets,
  activeId,
}: {
  cabinets: { partnerId: string; name: string; roleLabel: string }[];
  activeId: string | null;
}) {
  const t = useTranslations("cabinet");
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={switchCabinetAction} className="min-w-0">
      <label htmlFor="cabinet-switcher" className="sr-only">
        {t("switchCabinet")}
      </label>
      <select
        id="cabinet-switcher"
        name="partnerId"
        defaultValue={activeId ?? undefined}
        onChange={() => form.current?.requestSubmit()}
        className="max-w-full min-h-10 truncate rounded-lg border border-line bg-white px-2 text-base font-bold text-brand-800"
      >
        {cabinets.map((c) => (
          <option key={c.partnerId} value={c.partnerId}>
            {c.name} — {c.roleLabel}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">{t("switchCabinet")}</button>
      </noscript>
    </form>
  );
}
