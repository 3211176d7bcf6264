import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { selectClass } from "@/components/audit-log/filter-form";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { auditActionText } from "@/lib/audit/action-text";
import { AUDIT_ACTIONS } from "@/lib/audit/events";
import type { PlatformAuditFilters } from "@/lib/audit/platform-search";

const OUTCOMES = ["SUCCESS", "DENIED", "FAILURE"] as const;

/** The operators' audit filters: a plain GET form, so a search can be bookmarked and exported as is. */
export async function PlatformAuditFilterForm({
  filters,
  reversedTo,
}: {
  filters: PlatformAuditFilters;
  reversedTo: string | null;
}) {
  const [t, tl, locale] = await Promise.all([
    getTranslations("platformAudit.filters"),
    getTranslations("auditLog"),
    getLocale(),
  ]);
  const actions = AUDIT_ACTIONS.map((a) => ({ value: a, label: auditActionText(locale, a) })).sort((a, b) =>
    a.label.localeCompare(b.label, locale),
  );
  const toErrors = reversedTo ? [tl("filters.toBeforeFrom")] : undefined;
  return (
    <form method="get" action="/admin/audit" className="space-y-4" aria-label={tl("filters.legend")}>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="pa-partner" label={t("partner")}>
          <Input id="pa-partner" name="partner" defaultValue={filters.partner ?? ""} maxLength={100} />
        </Field>
        <Field id="pa-actor" label={t("actor")}>
          <Input id="pa-actor" name="actor" defaultValue={filters.actor ?? ""} maxLength={100} />
        </Field>
        <Field id="pa-action" label={t("action")}>
          <select id="pa-action" name="action" defaultValue={filters.action ?? ""} className={selectClass}>
            <option value="">{t("anyAction")}</option>
            {actions.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="pa-outcome" label={t("outcome")}>
          <select id="pa-outcome" name="outcome" defaultValue={filters.outcome ?? ""} className={selectClass}>
            <option value="">{t("anyOutcome")}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {tl(`outcomes.${o}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="pa-ip" label={t("ip")}>
          <Input id="pa-ip" name="ip" defaultValue={filters.ip ?? ""} maxLength={45} />
        </Field>
        <Field id="pa-from" label={t("from")}>
          <Input id="pa-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </Field>
        <Field id="pa-to" label={t("to")} errors={toErrors}>
          <Input
            {...fieldAria("pa-to", false, toErrors)}
            name="to"
            type="date"
            defaultValue={filters.to ?? reversedTo ?? ""}
          />
        </Field>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit">{t("search")}</Button>
        <Button asChild variant="secondary">
          <Link href="/admin/audit">{t("reset")}</Link>
        </Button>
      </div>
    </form>
  );
}
