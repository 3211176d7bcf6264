import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PlaceShell } from "@/components/layout/place-shell";
import { DESK_SHELL_CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";
import { requirePlace } from "@/lib/tenancy/request";

export const dynamic = "force-dynamic";

/** The outsourcer desk: staff of an outsourcing company and the Partners they serve. */
export default async function DeskLayout({ children }: { children: ReactNode }) {
  const { session, person, places, actor } = await requirePlace("staff");
  const t = await getTranslations("desk");
  const td = await getTranslations("documents");
  const tc = await getTranslations("cabinet");
  const tr = await getTranslations("requests");
  const company = places.desks.find((d) => d.companyId === actor.companyId)?.companyName ?? "";
  return (
    <PlaceShell
      session={{ ...session, person }}
      places={places}
      subtitle={places.desks.length > 1 ? `${company} · ${tc(`roles.${actor.role}`)}` : tc(`roles.${actor.role}`)}
      nav={[
        { href: "/desk", label: t("nav.partners") },
        { href: "/desk/requests", label: tr("deskTitle") },
        { href: "/desk/documents", label: td("deskTitle") },
      ]}
      navLabel={t("nav.label")}
      home="/desk"
      clientNamespaces={DESK_SHELL_CLIENT_NAMESPACES}
    >
      {children}
    </PlaceShell>
  );
}
