import type { ReactNode } from "react";
import type { ResolvedSession } from "@/lib/auth/session";
import type { Places } from "@/lib/tenancy/places";
import { ClientMessages, PLACE_CLIENT_NAMESPACES } from "@/components/i18n/client-messages";
import { AppHeader } from "./app-header";
import { CabinetNav } from "./cabinet-nav";

/** The frame of the desk, the back office and the shared documents: header with the place switcher, navigation, content. */
export async function PlaceShell({
  session,
  places,
  subtitle,
  nav,
  navLabel,
  home,
  clientNamespaces = PLACE_CLIENT_NAMESPACES,
  children,
}: {
  session: ResolvedSession & { person: NonNullable<ResolvedSession["person"]> };
  places: Places;
  subtitle: string;
  nav: { href: string; label: string }[];
  navLabel: string;
  home: string;
  /** The catalog namespaces client components below read; null for all (the back office). */
  clientNamespaces?: readonly string[] | null;
  children: ReactNode;
}) {
  return (
    <ClientMessages namespaces={clientNamespaces ?? undefined}>
      <div className="min-h-dvh">
        <AppHeader
          session={session}
          places={places}
          personLine={`${session.person.name} · ${subtitle}`}
          fallback={navLabel}
        />
        <div className="mx-auto grid max-w-6xl grid-cols-1 gap-3 px-4 py-3 sm:gap-6 lg:grid-cols-[14rem_1fr] lg:py-8">
          <div className="min-w-0">
            <CabinetNav items={nav} label={navLabel} home={home} />
          </div>
          <main id="main" className="min-w-0">
            {children}
          </main>
        </div>
      </div>
    </ClientMessages>
  );
}
