import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { setNotificationPreferenceAction } from "@/app/actions/notifications";
import { Card } from "@/components/ui/card";
import { notificationPreferencesLoader } from "@/lib/notifications/queries";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("settings.title") };
}

/** Copies by SMS and e-mail per kind; each switch is a small form, so it works without JavaScript. */
export default async function NotificationSettingsPage() {
  const { hasEmail, kinds } = await load(notificationPreferencesLoader);
  const t = await getTranslations("notifications");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("settings.title")}</h1>
      <p className="text-sm text-muted">{t("settings.intro")}</p>
      {hasEmail ? null : <p className="text-sm text-warn">{t("settings.noEmail")}</p>}
      <Card className="p-0">
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-line text-left text-muted">
              <th className="p-3 font-medium">{t("settings.kind")}</th>
              <th className="p-3 font-medium">{t("settings.sms")}</th>
              <th className="p-3 font-medium">{t("settings.email")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {kinds.map(({ kind, channels }) => (
              <tr key={kind}>
                <th scope="row" className="p-3 text-left font-medium">
                  {t(`kindNames.${kind}` as never)}
                </th>
                {channels.map(({ channel, enabled, locked }) => (
                  <td key={channel} className="p-3">
                    {locked ? (
                      <span className="text-xs text-muted" title={t("settings.essential")}>
                        {t("settings.on")} · {t("settings.essential")}
                      </span>
                    ) : (
                      <form action={setNotificationPreferenceAction}>
                        <input type="hidden" name="kind" value={kind} />
                        <input type="hidden" name="channel" value={channel} />
                        <input type="hidden" name="enabled" value={String(!enabled)} />
                        <button
                          type="submit"
                          aria-pressed={enabled}
                          aria-label={`${t(`kindNames.${kind}` as never)}: ${t(channel === "SMS" ? "settings.sms" : "settings.email")}`}
                          disabled={channel === "EMAIL" && !hasEmail}
                          className={`min-h-9 min-w-16 rounded-full border px-3 text-xs font-semibold disabled:opacity-50 ${
                            enabled ? "border-brand-700 bg-brand-700 text-white" : "border-line bg-white text-ink"
                          }`}
                        >
                          {enabled ? t("settings.on") : t("settings.off")}
                        </button>
                      </form>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
