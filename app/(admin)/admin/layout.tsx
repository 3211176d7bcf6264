import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PlaceShell } from "@/components/layout/place-shell";
import { requirePlace } from "@/lib/tenancy/request";

export const dynamic = "force-dynamic";

/** The back office of the platform's operators. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { session, person, places, actor } = await requirePlace("operator");
  const t = await getTranslations("admin");
  const tc = await getTranslations("cabinet");
  const tb = await getTranslations("billing.admin");
  return (
    <PlaceShell
      clientNamespaces={null}
      session={{ ...session, person }}
      places={places}
      subtitle={tc(`roles.${actor.role}`)}
      nav={[
        { href: "/admin", label: t("nav.home") },
        { href: "/admin/partners", label: t("nav.partners") },
        { href: "/admin/companies", label: t("nav.companies") },
        { href: "/admin/security", label: t("nav.security") },
        { href: "/admin/maintenance", label: t("nav.maintenance") },
        { href: "/admin/audit", label: t("nav.audit") },
        { href: "/admin/calendar", label: t("nav.calendar") },
        { href: "/admin/tariffs", label: tb("tariffsTitle") },
        { href: "/admin/invoices", label: tb("invoicesTitle") },
      ]}
      navLabel={t("nav.label")}
      home="/admin"
    >
      {children}
    </PlaceShell>
  );
}
