import { getLocale, getTranslations } from "next-intl/server";
import { auditActionText } from "@/lib/audit/action-text";
import { almatyDisplayTime } from "@/lib/audit/almaty-time";
import type { AuditLogRow } from "@/lib/audit/log-queries";
import { cn } from "@/lib/utils";
import { formatPhone } from "@/lib/validation/phone";

const OUTCOME_TONE = { SUCCESS: "text-ok", DENIED: "text-danger", FAILURE: "text-warn" } as const;

/**
 * An object by name (a person, member, invitee or company, looked up when shown) or, for a phone,
 * the number; never a raw id, which means nothing to a reader.
 */
function objectName(r: AuditLogRow, erased: string): string | null {
  if (r.targetName) return r.targetName;
  if (r.targetType === "phone") return r.targetErased ? erased : r.targetId && formatPhone(r.targetId);
  return null;
}

/** The object cell: its kind, then its name kept whole (a phone never breaks across lines). */
function ObjectText({ type, name }: { type: string; name: string | null }) {
  return (
    <>
      {type}
      {name ? (
        <>
          {" · "}
          <span className="whitespace-nowrap">{name}</span>
        </>
      ) : null}
    </>
  );
}

/** Audit rows: a table from tablet width (and on paper), stacked cards on phones. */
export async function AuditEventList({ rows, showPerson = true }: { rows: AuditLogRow[]; showPerson?: boolean }) {
  const t = await getTranslations("auditLog");
  const tc = await getTranslations("cabinet");
  const locale = await getLocale();
  const typeText = (type: string) =>
    t.has(`targetTypes.${type}`) ? t(`targetTypes.${type}` as "targetTypes.person") : type;
  const view = rows.map((r) => ({
    key: r.id.toString(),
    time: almatyDisplayTime(r.createdAt),
    iso: r.createdAt.toISOString(),
    person:
      r.actorName ?? (r.actorPhone && formatPhone(r.actorPhone)) ?? (r.actorPhoneErased ? t("erased") : t("noActor")),
    personIsPhone: !r.actorName && !!r.actorPhone,
    role: r.actorRole && tc.has(`roles.${r.actorRole}`) ? tc(`roles.${r.actorRole}` as "roles.FULL") : r.actorRole,
    action: auditActionText(locale, r.action),
    objectType: r.targetType ? typeText(r.targetType) : "—",
    objectName: objectName(r, t("erased")),
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
                  <span className={cn("font-medium", r.personIsPhone && "whitespace-nowrap")}>{r.person}</span>
                  {r.role ? <span className="block text-xs text-muted">{r.role}</span> : null}
                </td>
              ) : null}
              <td className="py-2 pr-3">{r.action}</td>
              <td className="py-2 pr-3">
                <ObjectText type={r.objectType} name={r.objectName} />
              </td>
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
            <p className="text-muted">
              <span className="sr-only">{t("columns.object")}: </span>
              <ObjectText type={r.objectType} name={r.objectName} />
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
