import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AppHeader } from "@/components/layout/app-header";
import { CabinetNav } from "@/components/layout/cabinet-nav";
import { CABINET_SHELL_NAMESPACES } from "@/lib/i18n/client-namespaces";
import { can } from "@/lib/permissions/catalog";
import { requireCabinet } from "@/lib/tenancy/cabinet";

export const dynamic = "force-dynamic";

export default async function CabinetLayout({ children }: { children: ReactNode }) {
  const { session, person, actor, partner, modules, places } = await requireCabinet();
  const t = await getTranslations("cabinet");
  const tc = await getTranslations("common");
  const td = await getTranslations("demoConvert");
  const format = await getFormatter();
  const deletion = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long" });
  // Only the primary user of a demo cabinet can make it real (BIZ-3).
  const canConvert = Boolean(partner?.demoExpiresAt) && actor.kind === "member" && can(actor.rights, "cabinet.close");
  const personLine = `${person.name}${actor.kind === "member" ? ` · ${t(`roles.${actor.role}`)}` : ""}`;
  const items = [
    { href: "/cabinet", label: t("nav.home") },
    // Working sections first; those still to come after them, marked.
    ...modules.filter((m) => m.built).map((m) => ({ href: `/cabinet/${m.key}`, label: t(`nav.${m.key}`) })),
    ...(places.pendingInvitations > 0
      ? [{ href: "/cabinet/invitations", label: `${t("nav.invitations")} (${places.pendingInvitations})` }]
      : []),
    { href: "/cabinet/profile", label: t("nav.profile") },
    ...modules
      .filter((m) => !m.built)
      .map((m) => ({ href: `/cabinet/${m.key}`, label: t(`nav.${m.key}`), badge: tc("comingSoon") })),
  ];
  return (
    <ClientMessages namespaces={CABINET_SHELL_NAMESPACES}>
      <div className="min-h-dvh">
        <AppHeader session={session} places={places} personLine={personLine} fallback={t("nav.home")} />
        {partner?.status === "DEMO" ? (
          <div
            role="status"
            className="border-b border-warn/30 bg-warn-bg px-4 py-1 text-center text-xs font-medium text-warn sm:py-2 sm:text-sm"
          >
            {partner.demoExpiresAt ? (
              <>
                <span className="sm:hidden">{t("demoExpiresShort", { date: deletion(partner.demoExpiresAt) })}</span>
                <span className="hidden sm:inline">{t("demoExpires", { date: deletion(partner.demoExpiresAt) })}</span>
                {canConvert ? (
                  <>
                    {" "}
                    <Link href="/cabinet/convert" className="whitespace-nowrap underline underline-offset-2">
                      {td("cta")}
                    </Link>
                  </>
                ) : null}
              </>
            ) : (
              <>
                <span className="sm:hidden">{t("demoBannerShort")}</span>
                <span className="hidden sm:inline">{t("demoBanner")}</span>
              </>
            )}
          </div>
        ) : null}
        <div className="mx-auto grid max-w-6xl grid-cols-1 gap-3 px-4 py-3 sm:gap-6 lg:grid-cols-[14rem_1fr] lg:py-8">
          <div className="min-w-0">
            <CabinetNav items={items} label={t("nav.label")} />
          </div>
          <main id="main" className="min-w-0">
            {children}
          </main>
        </div>
      </div>
    </ClientMessages>
  );
}
