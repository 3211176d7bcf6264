import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PlaceShell } from "@/components/layout/place-shell";
import { requirePlace } from "@/lib/tenancy/request";

export const dynamic = "force-dynamic";

/** What Partners shared with a counterparty's person (DOC-4). */
export default async function SharedLayout({ children }: { children: ReactNode }) {
  const { session, person, places } = await requirePlace("counterparty");
  const t = await getTranslations("places");
  const tc = await getTranslations("cabinet");
  return (
    <PlaceShell
      session={{ ...session, person }}
      places={places}
      subtitle={tc("roles.COUNTERPARTY")}
      nav={[{ href: "/shared", label: t("shared") }]}
      navLabel={t("shared")}
      home="/shared"
    >
      {children}
    </PlaceShell>
  );
}
