import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";

export async function ComingSoon({ title, backHref = "/" }: { title: string; backHref?: string }) {
  const t = await getTranslations("common");
  return (
    <Card className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-3 text-muted">{t("comingSoonText")}</p>
      <Link href={backHref} className="mt-6 inline-block font-semibold text-brand-700 underline">
        {t("back")}
      </Link>
    </Card>
  );
}
