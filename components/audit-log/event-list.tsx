import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { auditActionText } from "@/lib/audit/action-text";
import type { AuditLogRow } from "@/lib/audit/log-queries";
import { TIME_ZONE } from "@/lib/i18n/config";
import { cn } from "@/lib/utils";

const OUTCOME_TONE = { SUCCESS: "text-ok", DENIED: "text-danger", FAILURE: "text-warn" } as const;

/** Audit rows: a table from tablet width (and on paper), stacked cards on phones. */
export async function AuditEventList({ rows, showPerson = true }: { rows: AuditLogRow[]; showPerson?: boolean }) {
  const t = await getTranslations("auditLog");
  const tc = await getTranslations("cabinet");
  const locale = await getLocale();
  const format = await getFormatter();
  const view = rows.map((r) => ({
    key: r.id.toString(),
    time: format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "medium", timeZone: TIME_ZONE }),
    iso: r.createdAt.toISOString(),
    person: r.actorName ?? r.actorPhone ?? t("noActor"),
    role: r.actorRole && tc.has(`roles.${r.actorRole}`) ? tc(`roles.${r.actorRole}` as "roles.FULL") : r.actorRole,
    action: auditActionText(locale, r.action),
    object: r.targetType
      ? `${t.has(`targetTypes.${r.targetType}`) ? t(`targetTypes.${r.targetType}` as "targetTypes.person") : r.targetType}${r.targetId ? ` · ${r.targetId}` : ""}`
      : "—",
    ip: r.ip ?? "—",
    outcome: t(`outcomes.${r.outcome}`),
    tone: OUTCOME_TONE[r.outcome],
  }));
  return (
    <>
      <table className="hidden w-full border-collapse text-left text-sm md:table print:table">
        <thead>
          <tr className="border-b border-line text-muted">
            <th scope="col" className="py-2 pr-3 font-medium">
              {t("columns.time")}
            </th>
            {showPerson ? (
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("columns.person")}
              </th>
            ) : null}
            <th scope="col" className="py-2 pr-3 font-medium">
              {t("columns.action")}
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              {t("columns.object")}
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              {t("columns.ip")}
            </th>
            <th scope="col" className="py-2 font-medium">
              {t("columns.outcome")}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.map((r) => (
            <tr key={r.key} className="border-b border-line align-top last:border-0">
              <td className="py-2 pr-3 whitespace-nowrap">
                <time dateTime={r.iso}>{r.time}</time>
              </td>
              {showPerson ? (
                <td className="py-2 pr-3">
                  <span className="font-medium">{r.person}</span>
                  {r.role ? <span className="block text-xs text-muted">{r.role}</span> : null}
                </td>
              ) : null}
              <td className="py-2 pr-3">{r.action}</td>
              <td className="py-2 pr-3 break-all">{r.object}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{r.ip}</td>
              <td className={cn("py-2 font-medium", r.tone)}>{r.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="divide-y divide-line md:hidden print:hidden">
        {view.map((r) => (
          <li key={r.key} className="space-y-1 py-3 text-sm">
            <div className="flex items-baseline justify-between gap-3">
              <span className="font-semibold">{r.action}</span>
              <span className={cn("shrink-0 font-medium", r.tone)}>{r.outcome}</span>
            </div>
            <p className="text-muted">
              <time dateTime={r.iso}>{r.time}</time>
            </p>
            {showPerson ? (
              <p>
                <span className="sr-only">{t("columns.person")}: </span>
                {r.person}
                {r.role ? <span className="text-muted"> · {r.role}</span> : null}
              </p>
            ) : null}
            <p className="break-all text-muted">
              <span className="sr-only">{t("columns.object")}: </span>
              {r.object}
            </p>
            <p className="text-muted">
              {t("columns.ip")}: {r.ip}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
