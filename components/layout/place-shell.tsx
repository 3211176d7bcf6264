import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { logoutAction } from "@/app/actions/session";
import { Button } from "@/components/ui/button";
import type { ResolvedSession } from "@/lib/auth/session";
import type { Places } from "@/lib/tenancy/places";
import { CabinetNav } from "./cabinet-nav";
import { LocaleSwitcher } from "./locale-switcher";
import { PlacePicker } from "./place-picker";

/** The frame of the desk, the back office and the shared documents: header with the place switcher, navigation, content. */
export async function PlaceShell({
  session,
  places,
  subtitle,
  nav,
  navLabel,
  home,
  children,
}: {
  session: ResolvedSession & { person: NonNullable<ResolvedSession["person"]> };
  places: Places;
  subtitle: string;
  nav: { href: string; label: string }[];
  navLabel: string;
  home: string;
  children: ReactNode;
}) {
  const t = await getTranslations("cabinet");
  return (
    <div className="min-h-dvh">
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-2 sm:py-3">
          <div className="min-w-0">
            <PlacePicker session={session} places={places} fallback={navLabel} />
            <p className="truncate text-sm text-muted">
              {session.person.name} · {subtitle}
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
      <div className="mx-auto grid max-w-6xl grid-cols-1 gap-4 px-4 py-3 lg:grid-cols-[14rem_1fr] lg:gap-6 lg:py-8">
        <div className="min-w-0">
          <CabinetNav items={nav} label={navLabel} home={home} />
        </div>
        <main id="main" className="min-w-0">
          {children}
        </main>
      </div>
    </div>
  );
}
