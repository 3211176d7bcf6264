import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

export interface DocumentFilterValues {
  q?: string;
  category?: string;
  direction?: string;
  status?: string;
  period?: string;
  unread?: boolean;
  partnerId?: string;
}

/** The library's filters as a plain GET form: the filter stays in the URL, shareable and reloadable. */
export async function DocumentFilters({
  action,
  values,
  categories,
  partners,
}: {
  action: string;
  values: DocumentFilterValues;
  categories: readonly string[];
  partners?: { id: string; name: string }[];
}) {
  const t = await getTranslations("documents");
  const narrowed = Boolean(
    values.category || values.direction || values.status || values.period || values.unread || values.partnerId,
  );
  return (
    <form action={action} method="get" role="search" className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 grow space-y-1.5">
          <Label htmlFor="doc-q">{t("filters.q")}</Label>
          <Input id="doc-q" name="q" type="search" defaultValue={values.q} placeholder={t("filters.qPlaceholder")} />
        </div>
        <Button type="submit">{t("filters.submit")}</Button>
      </div>
      {/* The other filters fold away on a phone until they are wanted (open while one is set). */}
      <details open={narrowed} className="rounded-lg border border-line bg-white p-3">
        <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("filters.more")}</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
          {partners ? (
            <div className="space-y-1.5">
              <Label htmlFor="doc-partner">{t("filters.partner")}</Label>
              <Select id="doc-partner" name="partnerId" defaultValue={values.partnerId ?? ""}>
                <option value="">{t("filters.any")}</option>
                {partners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            </div>
          ) : null}
          <div className="space-y-1.5">
            <Label htmlFor="doc-category">{t("filters.category")}</Label>
            <Select id="doc-category" name="category" defaultValue={values.category ?? ""}>
              <option value="">{t("filters.any")}</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}` as never)}
                </option>
              ))}
            </Select>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="doc-direction">{t("filters.direction")}</Label>
            <Select id="doc-direction" name="direction" defaultValue={values.direction ?? ""}>
              <option value="">{t("filters.any")}</option>
              {(partners ? ["TO_OUTSOURCER", "FROM_OUTSOURCER"] : ["INTERNAL", "TO_OUTSOURCER", "FROM_OUTSOURCER"]).map(
                (d) => (
                  <option key={d} value={d}>
                    {t(`directions.${d}` as never)}
                  </option>
                ),
              )}
            </Select>
          </div>
          {partners ? null : (
            <div className="space-y-1.5">
              <Label htmlFor="doc-status">{t("filters.status")}</Label>
              <Select id="doc-status" name="status" defaultValue={values.status ?? ""}>
                <option value="">{t("filters.notArchived")}</option>
                {["DRAFT", "SENT", "ARCHIVED"].map((s) => (
                  <option key={s} value={s}>
                    {t(`statuses.${s}` as never)}
                  </option>
                ))}
              </Select>
            </div>
          )}
          <div className="space-y-1.5">
            <Label htmlFor="doc-period">{t("filters.period")}</Label>
            <Input id="doc-period" name="period" type="month" defaultValue={values.period} />
          </div>
          <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-5">
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" name="unread" value="1" defaultChecked={values.unread} className="size-5" />
              {t("filters.unread")}
            </label>
            <Button type="submit" variant="secondary">
              {t("filters.submit")}
            </Button>
            <a href={action} className="text-sm font-medium text-brand-700 underline">
              {t("filters.reset")}
            </a>
          </div>
        </div>
      </details>
    </form>
  );
}
