import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { auditActionText } from "@/lib/audit/action-text";
import { AUDIT_ACTIONS } from "@/lib/audit/events";
import type { AuditLogFilters } from "@/lib/audit/log-filters";
import type { PartnerMemberOption } from "@/lib/audit/log-queries";

export const selectClass = "block w-full min-h-11 rounded-lg border border-line bg-white px-3 text-base text-ink";

/**
 * A plain GET form: the filters live in the URL, so a filtered view can be bookmarked, shared and
 * exported as is. Without `targetTypes` it asks only for person and period (the report).
 */
export async function AuditFilterForm({
  action,
  filters,
  members,
  targetTypes,
  submitLabel,
  personRequired = false,
  reversedTo = null,
}: {
  action: string;
  filters: AuditLogFilters;
  /** An end date before the start date, shown back in its field with the reason it was left out. */
  reversedTo?: string | null;
  members: PartnerMemberOption[];
  targetTypes?: string[];
  submitLabel?: string;
  personRequired?: boolean;
}) {
  const t = await getTranslations("auditLog");
  const locale = await getLocale();
  const typeText = (type: string) =>
    t.has(`targetTypes.${type}`) ? t(`targetTypes.${type}` as "targetTypes.person") : type;
  const actions = AUDIT_ACTIONS.map((a) => ({ value: a, label: auditActionText(locale, a) })).sort((a, b) =>
    a.label.localeCompare(b.label, locale),
  );
  const toErrors = reversedTo ? [t("filters.toBeforeFrom")] : undefined;
  return (
    <form method="get" action={action} className="space-y-4" aria-label={t("filters.legend")}>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field id="audit-person" label={t("filters.person")}>
          <select
            id="audit-person"
            name="person"
            defaultValue={filters.person ?? ""}
            required={personRequired}
            className={selectClass}
          >
            <option value="">{t("filters.anyPerson")}</option>
            {members.map((m) => (
              <option key={m.personId} value={m.personId}>
                {m.active ? m.name : t("filters.formerMember", { name: m.name })}
              </option>
            ))}
          </select>
        </Field>
        {targetTypes ? (
          <>
            <Field id="audit-action" label={t("filters.action")}>
              <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={selectClass}>
                <option value="">{t("filters.anyAction")}</option>
                {actions.map((a) => (
                  <option key={a.value} value={a.value}>
                    {a.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="audit-target-type" label={t("filters.targetType")}>
              <select
                id="audit-target-type"
                name="targetType"
                defaultValue={filters.targetType ?? ""}
                className={selectClass}
              >
                <option value="">{t("filters.anyTargetType")}</option>
                {[...new Set([...targetTypes, ...(filters.targetType ? [filters.targetType] : [])])].map((type) => (
                  <option key={type} value={type}>
                    {typeText(type)}
                  </option>
                ))}
              </select>
            </Field>
          </>
        ) : null}
        <Field id="audit-from" label={t("filters.from")}>
          <Input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </Field>
        <Field id="audit-to" label={t("filters.to")} errors={toErrors}>
          <Input
            {...fieldAria("audit-to", false, toErrors)}
            name="to"
            type="date"
            defaultValue={filters.to ?? reversedTo ?? ""}
          />
        </Field>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit">{submitLabel ?? t("filters.apply")}</Button>
        <Button asChild variant="secondary">
          <Link href={action}>{t("filters.reset")}</Link>
        </Button>
      </div>
    </form>
  );
}
