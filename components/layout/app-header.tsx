import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { logoutAction } from "@/app/actions/session";
import { NotificationBell } from "@/components/notifications/bell";
import { Button } from "@/components/ui/button";
import { getWebLocale } from "@/lib/auth/current";
import type { ResolvedSession } from "@/lib/auth/session";
import type { Places } from "@/lib/tenancy/places";
import { HeaderMenu } from "./header-menu";
import { LocaleSwitcher } from "./locale-switcher";
import { PlacePicker } from "./place-picker";

/**
 * The header of every place (cabinet, desk, back office, shared documents): the place and its
 * switcher, the notification bell, the person, language and logout. One row on phones (the person, language and logout
 * fold into a menu), so the page starts high.
 */
export async function AppHeader({
  session,
  places,
  personLine,
  fallback,
}: {
  session: ResolvedSession;
  places: Places;
  personLine: string;
  fallback: string;
}) {
  const t = await getTranslations("cabinet");
  const tc = await getTranslations("common");
  const tn = await getTranslations("notifications");
  const [tAll, locale] = await Promise.all([getTranslations(), getWebLocale()]);
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-2 sm:py-3">
        <div className="min-w-0">
          <PlacePicker session={session} places={places} fallback={fallback} />
          <p className="hidden truncate text-sm text-muted sm:block">{personLine}</p>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <NotificationBell
            initial={places.unreadNotifications}
            renderId={randomUUID()}
            label={tn("bell")}
            unreadLabel={tn("bellUnread", { count: "#" })}
          />
          <div className="hidden items-center gap-2 sm:flex">
            <LocaleSwitcher t={tAll} current={locale} />
            <LogoutButton label={t("logout")} />
          </div>
          <HeaderMenu label={tc("openMenu")}>
            <p className="text-sm text-muted">{personLine}</p>
            <LocaleSwitcher t={tAll} current={locale} />
            <LogoutButton label={t("logout")} />
          </HeaderMenu>
        </div>
      </div>
    </header>
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
