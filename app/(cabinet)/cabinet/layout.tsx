import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { logoutAction } from "@/app/actions/session";
import { CabinetNav } from "@/components/layout/cabinet-nav";
import { PlacePicker } from "@/components/layout/place-picker";
import { HeaderMenu } from "@/components/layout/header-menu";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { Button } from "@/components/ui/button";
import { requireCabinet } from "@/lib/tenancy/cabinet";
import { ownInvitationsLoader } from "@/lib/members/queries";
import { load } from "@/lib/tenancy/request";

export const dynamic = "force-dynamic";

export default async function CabinetLayout({ children }: { children: ReactNode }) {
  const { session, person, actor, partner, modules, places } = await requireCabinet();
  const t = await getTranslations("cabinet");
  const tc = await getTranslations("common");
  const invitations = await load(ownInvitationsLoader);
  const personLine = `${person.name}${actor.kind === "member" ? ` · ${t(`roles.${actor.role}`)}` : ""}`;
  const items = [
    { href: "/cabinet", label: t("nav.home") },
    // Working sections first; those still to come after them, marked.
    ...modules.filter((m) => m.built).map((m) => ({ href: `/cabinet/${m.key}`, label: t(`nav.${m.key}`) })),
    ...(invitations.length > 0
      ? [{ href: "/cabinet/invitations", label: `${t("nav.invitations")} (${invitations.length})` }]
      : []),
    { href: "/cabinet/profile", label: t("nav.profile") },
    ...modules
      .filter((m) => !m.built)
      .map((m) => ({ href: `/cabinet/${m.key}`, label: t(`nav.${m.key}`), badge: tc("comingSoon") })),
  ];
  return (
    <div className="min-h-dvh">
      <header className="border-b border-line bg-white">
        {/* One row on phones (the person, language and logout fold into a menu), so the page starts high. */}
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-2 sm:py-3">
          <div className="min-w-0">
            <PlacePicker session={session} places={places} fallback={t("nav.home")} />
            <p className="hidden truncate text-sm text-muted sm:block">{personLine}</p>
          </div>
          <div className="hidden items-center gap-2 sm:flex">
            <LocaleSwitcher />
            <LogoutButton label={t("logout")} />
          </div>
          <HeaderMenu label={tc("openMenu")}>
            <p className="text-sm text-muted">{personLine}</p>
            <LocaleSwitcher />
            <LogoutButton label={t("logout")} />
          </HeaderMenu>
        </div>
      </header>
      {partner?.status === "DEMO" ? (
        <div
          role="status"
          className="border-b border-warn/30 bg-warn-bg px-4 py-1 text-center text-xs font-medium text-warn sm:py-2 sm:text-sm"
        >
          <span className="sm:hidden">{t("demoBannerShort")}</span>
          <span className="hidden sm:inline">{t("demoBanner")}</span>
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
  );
}

function LogoutButton({ label }: { label: string }) {
  return (
    <form action={logoutAction}>
      <Button type="submit" variant="secondary" size="sm">
        {label}
      </Button>
    </form>
  );
}
