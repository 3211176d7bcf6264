import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ResolvedSession } from "@/lib/auth/session";
import { choosePlace } from "@/lib/tenancy/actor";
import { homePath, listPlaces, placeValue } from "@/lib/tenancy/home";
import type { Places } from "@/lib/tenancy/places";
import { PlaceSwitcher } from "./place-switcher";

/** The header's title: the active place, and a switcher when the person has more than one. */
export async function PlacePicker({
  session,
  places,
  fallback,
}: {
  session: ResolvedSession;
  places: Places;
  fallback: string;
}) {
  const t = await getTranslations("places");
  const tc = await getTranslations("cabinet");
  const active = choosePlace(session, places);
  const all = listPlaces(places);
  const label = (p: (typeof all)[number]) => {
    const role = tc(`roles.${p.role}` as "roles.FULL");
    if (p.place.kind === "ADMIN") return `${t("admin")} — ${role}`;
    if (p.place.kind === "SHARED") return t("shared");
    if (p.place.kind === "DESK") return `${t("desk")}: ${p.name} — ${role}`;
    return `${p.name} — ${role}`;
  };
  if (all.length > 1) {
    return (
      <PlaceSwitcher
        places={all.map((p) => ({ value: placeValue(p.place), label: label(p) }))}
        active={active ? placeValue(active) : null}
      />
    );
  }
  const only = all[0];
  const title = !only
    ? fallback
    : only.place.kind === "CABINET" || only.place.kind === "DESK"
      ? only.name
      : only.place.kind === "ADMIN"
        ? t("admin")
        : t("shared");
  return (
    <Link href={homePath(active?.kind)} className="block truncate text-base font-bold text-brand-800 sm:text-lg">
      {title}
    </Link>
  );
}
