import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { logoutAction } from "@/app/actions/session";
import { CabinetNav } from "@/components/layout/cabinet-nav";
import { PlacePicker } from "@/components/layout/place-picker";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { Button } from "@/components/ui/button";
import { requireCabinet } from "@/lib/tenancy/cabinet";
import { ownInvitationsLoader } from "@/lib/members/queries";
import { load } from "@/lib/tenancy/request";

export const dynamic = "force-dynamic";

export default async function CabinetLayout({ children }: { children: ReactNode }) {
  const { session, person, actor, partner, modules, places } = await requireCabinet();
  const t = await getTranslations("cabinet");
  const invitations = await load(ownInvitationsLoader);
  const items = [
    { href: "/cabinet", label: t("nav.home") },
    ...modules.map((m) => ({ href: `/cabinet/${m.key}`, label: t(`nav.${m.key}`) })),
    ...(invitations.length > 0
      ? [{ href: "/cabinet/invitations", label: `${t("nav.invitations")} (${invitations.length})` }]
      : []),
    { href: "/cabinet/profile", label: t("nav.profile") },
  ];
  return (
    <div className="min-h-dvh">
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="min-w-0">
            <PlacePicker session={session} places={places} fallback={t("nav.home")} />
            <p className="truncate text-sm text-muted">
              {person.name}
              {actor.kind === "member" ? ` · ${t(`roles.${actor.role}`)}` : null}
            </p>
          </div>
          <div className="flex items-center gap-2">
            <LocaleSwitcher />
            <form action={logoutAction}>
              <Button type="submit" variant="secondary" size="sm">
                {t("logout")}
              </Button>
            </form>
          </div>
        </div>
      </header>
      {partner?.status === "DEMO" ? (
        <div
          role="status"
          className="border-b border-warn/30 bg-warn-bg px-4 py-2 text-center text-sm font-medium text-warn"
        >
          {t("demoBanner")}
        </div>
      ) : null}
      <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6 px-4 py-4 lg:grid-cols-[14rem_1fr] lg:py-8">
        <div className="min-w-0">
          <CabinetNav items={items} label={t("nav.home")} />
        </div>
        <main id="main" className="min-w-0">
          {children}
        </main>
      </div>
    </div>
  );
}
