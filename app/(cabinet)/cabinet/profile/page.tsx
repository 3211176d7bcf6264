import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { revokeOtherSessionsAction, revokeSessionAction } from "@/app/actions/session";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { PersonalDataForm } from "@/components/profile/personal-data-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getWebLocale } from "@/lib/auth/current";
import { ownProfileLoader } from "@/lib/person/queries";
import { requireCabinet } from "@/lib/tenancy/cabinet";
import { load } from "@/lib/tenancy/request";
import { formatPhone } from "@/lib/validation/phone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function ProfilePage() {
  const { actor } = await requireCabinet();
  const { person, sessions } = await load(ownProfileLoader);
  const t = await getTranslations("profile");
  const tn = await getTranslations("notifications");
  const format = await getFormatter();
  const [tAll, locale] = await Promise.all([getTranslations(), getWebLocale()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const others = sessions.filter((s) => s.id !== actor.sessionId);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Card aria-labelledby="personal-data">
        <h2 id="personal-data" className="mb-4 text-lg font-semibold">
          {t("personalData")}
        </h2>
        <dl className="mb-4">
          <dt className="text-sm text-muted">{t("phone")}</dt>
          <dd className="font-medium">{formatPhone(person.phone)}</dd>
        </dl>
        <PersonalDataForm initial={{ name: person.name, email: person.email ?? "" }} />
        <div className="mt-6">
          <p className="mb-2 text-sm font-medium">{t("localeLabel")}</p>
          <LocaleSwitcher t={tAll} current={locale} returnTo="/cabinet/profile" />
        </div>
      </Card>
      <Card aria-labelledby="notification-settings">
        <h2 id="notification-settings" className="text-lg font-semibold">
          {tn("settings.title")}
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted">{tn("settings.intro")}</p>
        <Button asChild variant="secondary">
          <Link href="/notifications/settings">{tn("settingsLink")}</Link>
        </Button>
      </Card>
      <Card aria-labelledby="sessions">
        <h2 id="sessions" className="text-lg font-semibold">
          {t("sessionsTitle")}
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted">{t("sessionsIntro")}</p>
        <ul className="divide-y divide-line">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0 text-sm">
                <p className="font-medium break-words">
                  {s.kind === "API" ? t("apiClient") : (describeAgent(s.userAgent) ?? t("unknownDevice"))}
                  {s.id === actor.sessionId ? (
                    <span className="ml-2 rounded bg-ok-bg px-2 py-0.5 text-xs text-ok">{t("thisDevice")}</span>
                  ) : null}
                </p>
                <p className="text-muted">
                  {t("signedIn", { time: when(s.createdAt) })} · {t("lastSeen", { time: when(s.lastSeenAt) })}
                  {s.ip ? ` · ${t("ip", { ip: s.ip })}` : null}
                </p>
              </div>
              {s.id !== actor.sessionId ? (
                <form action={revokeSessionAction}>
                  <input type="hidden" name="sessionId" value={s.id} />
                  <Button type="submit" variant="danger" size="sm">
                    {t("revoke")}
                  </Button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
        {others.length > 0 ? (
          <form action={revokeOtherSessionsAction} className="mt-4">
            <Button type="submit" variant="danger">
              {t("revokeOthers")}
            </Button>
          </form>
        ) : (
          <p className="mt-4 text-sm text-muted">{t("noOtherSessions")}</p>
        )}
      </Card>
    </div>
  );
}

/** A short device name from a user agent string, e.g. "Chrome · Android". */
function describeAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /Chrome\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : null;
  const os = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : null;
  return [browser, os].filter(Boolean).join(" · ") || ua.slice(0, 60);
}
