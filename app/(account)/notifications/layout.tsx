import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { resolveActor } from "@/lib/tenancy/actor";
import { homePath } from "@/lib/tenancy/home";
import { getRequestPlaces } from "@/lib/tenancy/request";

export const dynamic = "force-dynamic";

const HOME_OF_KIND = { member: "CABINET", staff: "DESK", operator: "ADMIN", counterparty: "SHARED" } as const;

/** The notification centre belongs to the person, whichever place they act in. */
export default async function NotificationsLayout({ children }: { children: ReactNode }) {
  const { session, places } = await getRequestPlaces();
  if (!session) redirect("/login");
  if (!session.person) redirect("/register");
  const resolved = await resolveActor(session, "self", places);
  if (!resolved.ok) redirect("/login");
  const kind = resolved.value.kind;
  const home = homePath(kind in HOME_OF_KIND ? HOME_OF_KIND[kind as keyof typeof HOME_OF_KIND] : null);
  const t = await getTranslations("notifications");
  return (
    <div className="min-h-dvh">
      <AppHeader session={session} places={places} personLine={session.person.name} fallback={t("title")} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-3 lg:py-8">
        <Link href={home} className="mb-3 inline-block text-sm text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
        {children}
      </main>
    </div>
  );
}
