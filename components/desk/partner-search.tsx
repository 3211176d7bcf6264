import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A plain GET search form: the query stays in the URL, so results can be shared and reloaded. */
export async function PartnerSearch({
  action,
  q,
  children,
}: {
  action: string;
  q?: string;
  children?: React.ReactNode;
}) {
  const t = await getTranslations("desk");
  return (
    <form action={action} method="get" role="search" className="flex flex-wrap items-end gap-3">
      <div className="min-w-56 grow space-y-1.5">
        <Label htmlFor="partner-search">{t("search.label")}</Label>
        <Input id="partner-search" name="q" type="search" defaultValue={q} placeholder={t("search.placeholder")} />
      </div>
      {children}
      <Button type="submit">{t("search.submit")}</Button>
    </form>
  );
}
