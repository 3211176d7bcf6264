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
export async function AuditEventList({
  rows,
  showPerson = true,
  partners,
}: {
  rows: AuditLogRow[];
  showPerson?: boolean;
  /** The operators' search: a column naming each row's Partner (by row id), else `fallback`. */
  partners?: { label: string; byRow: Map<bigint, string | null>; fallback: string };
}) {
  const t = await getTranslations("auditLog");
  const tc = await getTranslations("cabinet");
  const locale = await getLocale();
  // A page holds a few distinct roles, types and outcomes: translate each once, not once a row.
  const memo = <K extends string>(fn: (key: K) => string) => {
    const seen = new Map<K, string>();
    return (key: K) => seen.get(key) ?? (seen.set(key, fn(key)).get(key) as string);
  };
  const typeText = memo((type: string) =>
    t.has(`targetTypes.${type}`) ? t(`targetTypes.${type}` as "targetTypes.person") : type,
  );
  const roleText = memo((role: string) => (tc.has(`roles.${role}`) ? tc(`roles.${role}` as "roles.FULL") : role));
  const outcomeText = memo((outcome: AuditLogRow["outcome"]) => t(`outcomes.${outcome}`));
  const actionText = memo((action: string) => auditActionText(locale, action));
  const erased = t("erased");
  const noActor = t("noActor");
  const view = rows.map((r) => ({
    key: r.id.toString(),
    partner: partners ? (partners.byRow.get(r.id) ?? partners.fallback) : null,
    time: almatyDisplayTime(r.createdAt),
    iso: r.createdAt.toISOString(),
    person: r.actorName ?? (r.actorPhone && formatPhone(r.actorPhone)) ?? (r.actorPhoneErased ? erased : noActor),
    personIsPhone: !r.actorName && !!r.actorPhone,
    role: r.actorRole ? roleText(r.actorRole) : null,
    action: actionText(r.action),
    objectType: r.targetType ? typeText(r.targetType) : "—",
    objectName: objectName(r, erased),
    ip: r.ip ?? "—",
    outcome: outcomeText(r.outcome),
    tone: OUTCOME_TONE[r.outcome],
  }));
  // One markup for every width (a table from tablet width and on paper, each row a card on phones):
  // the rows are sent once, not as a table and a list side by side.
  const cell = "md:table-cell md:py-2 md:pr-3 md:align-top print:table-cell print:py-2 print:pr-3";
  return (
    <table className="block w-full border-collapse text-left text-sm md:table print:table">
      <thead className="hidden md:table-header-group print:table-header-group">
        <tr className="border-b border-line text-muted">
          <th scope="col" className="py-2 pr-3 font-medium">
            {t("columns.time")}
          </th>
          {partners ? (
            <th scope="col" className="py-2 pr-3 font-medium">
              {partners.label}
            </th>
          ) : null}
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
      <tbody className="block divide-y divide-line md:table-row-group md:divide-y-0 print:table-row-group">
        {view.map((r) => (
          <tr
            key={r.key}
            className="flex flex-wrap gap-x-3 gap-y-1 py-3 md:table-row md:border-b md:border-line md:py-0 md:last:border-0 print:table-row"
          >
            <td className={cn("order-3 basis-full text-muted md:text-ink md:whitespace-nowrap", cell)}>
              <time dateTime={r.iso}>{r.time}</time>
            </td>
            {partners ? (
              <td className={cn("order-4 basis-full font-medium", cell)}>
                <span className="sr-only md:hidden">{partners.label}: </span>
                {r.partner}
              </td>
            ) : null}
            {showPerson ? (
              <td className={cn("order-4 basis-full", cell)}>
                <span className="sr-only md:hidden">{t("columns.person")}: </span>
                <span className={cn("md:font-medium", r.personIsPhone && "whitespace-nowrap")}>{r.person}</span>
                {r.role ? (
                  <span className="text-muted md:block md:text-xs">
                    <span className="md:hidden print:hidden"> · </span>
                    {r.role}
                  </span>
                ) : null}
              </td>
            ) : null}
            <td className={cn("order-1 min-w-0 grow font-semibold md:font-normal", cell)}>{r.action}</td>
            <td className={cn("order-5 basis-full text-muted md:text-ink", cell)}>
              <span className="sr-only md:hidden">{t("columns.object")}: </span>
              <ObjectText type={r.objectType} name={r.objectName} />
            </td>
            <td className={cn("order-6 basis-full text-muted md:text-ink md:whitespace-nowrap", cell)}>
              <span className="md:hidden print:hidden">{t("columns.ip")}: </span>
              {r.ip}
            </td>
            <td className={cn("order-2 shrink-0 font-medium md:pr-0", r.tone, cell)}>{r.outcome}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
