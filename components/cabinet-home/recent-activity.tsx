import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { auditActionText } from "@/lib/audit/action-text";
import { recentActivityLoader } from "@/lib/audit/log-loaders";
import { load } from "@/lib/tenancy/request";

/** For those with audit.view: the newest entries of the cabinet's audit log. */
export async function RecentActivity() {
  const t = await getTranslations("cabinet.home");
  const format = await getFormatter();
  const locale = await getLocale();
  const rows = await load(recentActivityLoader);
  return (
    <Card aria-labelledby="home-activity">
      <h3 id="home-activity" className="font-semibold">
        {t("activityTitle")}
      </h3>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{t("activityEmpty")}</p>
      ) : (
        <ul className="mt-3 space-y-2 text-sm">
          {rows.map((row) => (
            <li key={String(row.id)} className="flex flex-col sm:flex-row sm:gap-2">
              <time dateTime={row.createdAt.toISOString()} className="shrink-0 text-muted">
                {format.dateTime(row.createdAt, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })}
              </time>
              <span>
                {row.actorName ? `${row.actorName}: ` : null}
                {auditActionText(locale, row.action)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Link href="/cabinet/audit" className="mt-4 inline-block text-sm font-semibold text-brand-700 underline">
        {t("activityAll")}
      </Link>
    </Card>
  );
}
