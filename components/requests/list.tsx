import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import type { RequestStatusKey } from "@/lib/requests/constants";
import { DueTime, StatusBadge } from "./views";

export type RequestListItem = {
  id: string;
  number: string;
  subject: string;
  category: string;
  priority: string;
  status: RequestStatusKey;
  dueAt: Date | null;
  overdue: boolean;
  unread: number;
  partner: { name: string };
  assignee: { name: string } | null;
};

/** Requests as rows that fold into cards on a phone; `select` adds a checkbox per row (bulk assignment). */
export function RequestList({
  items,
  hrefBase,
  empty,
  showPartner = false,
  select,
}: {
  items: RequestListItem[];
  hrefBase: string;
  empty: string;
  showPartner?: boolean;
  select?: (item: RequestListItem) => ReactNode;
}) {
  const t = useTranslations("requests");
  if (items.length === 0) return <p className="rounded-lg border border-line bg-white p-4 text-muted">{empty}</p>;
  return (
    <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white">
      {items.map((r) => (
        <li key={r.id} className="flex gap-3 p-4" data-testid="request-row">
          {select ? <div className="pt-1">{select(r)}</div> : null}
          <div className="min-w-0 flex-1 space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-sm text-muted">{r.number}</span>
              <StatusBadge status={r.status} />
              {r.priority === "urgent" ? (
                <span className="rounded-full bg-danger-bg px-2.5 py-0.5 text-xs font-medium text-danger">
                  {t("priorities.urgent")}
                </span>
              ) : null}
              {r.unread > 0 ? (
                <span className="rounded-full bg-brand-700 px-2.5 py-0.5 text-xs font-medium text-white">
                  {t("unreadCount", { count: r.unread })}
                </span>
              ) : null}
            </div>
            <Link href={`${hrefBase}/${r.id}`} className="block font-medium text-brand-700 underline break-words">
              {r.subject}
            </Link>
            <p className="text-sm text-muted">
              {showPartner ? `${r.partner.name} · ` : ""}
              {t(`categories.${r.category}` as never)} · {r.assignee?.name ?? t("unassigned")}
            </p>
            <p className="text-sm">
              {t("fields.due")}: <DueTime dueAt={r.dueAt} overdue={r.overdue} status={r.status} />
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
