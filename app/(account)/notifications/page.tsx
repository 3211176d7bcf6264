import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import {
  markAllNotificationsReadAction,
  markNotificationReadAction,
  openNotificationAction,
} from "@/app/actions/notifications";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { notificationListLoader } from "@/lib/notifications/queries";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { cursor } = await searchParams;
  const { items, nextCursor, unread } = await load(notificationListLoader, { cursor });
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <div className="flex flex-wrap gap-2">
          {unread > 0 ? (
            <form action={markAllNotificationsReadAction}>
              <Button type="submit" variant="secondary" size="sm">
                {t("markAllRead")}
              </Button>
            </form>
          ) : null}
          <Button asChild variant="ghost" size="sm">
            <Link href="/notifications/settings">{t("settingsLink")}</Link>
          </Button>
        </div>
      </div>
      <p className="text-sm text-muted">{t("intro")}</p>
      <Card className="p-0">
        {items.length === 0 ? (
          <p className="p-4 text-sm text-muted">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-line" data-testid="notification-list">
            {items.map((item) => (
              <li key={item.id} className={`flex items-start gap-3 p-3 sm:p-4 ${item.readAt ? "" : "bg-brand-50/60"}`}>
                <form action={openNotificationAction} className="min-w-0 flex-1">
                  <input type="hidden" name="id" value={item.id} />
                  <input type="hidden" name="link" value={item.link} />
                  <button type="submit" className="w-full text-left">
                    <span className="block font-medium break-words hover:underline">
                      {item.readAt ? null : (
                        <span className="mr-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs text-white">
                          {t("unread")}
                        </span>
                      )}
                      {item.text}
                    </span>
                    <span className="block text-xs text-muted">
                      {format.dateTime(new Date(item.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                    </span>
                  </button>
                </form>
                {item.readAt ? null : (
                  <form action={markNotificationReadAction}>
                    <input type="hidden" name="id" value={item.id} />
                    <Button type="submit" variant="ghost" size="sm">
                      {t("markRead")}
                    </Button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {nextCursor ? (
        <Button asChild variant="secondary">
          <Link href={`/notifications?cursor=${nextCursor}`}>{t("more")}</Link>
        </Button>
      ) : null}
    </div>
  );
}
