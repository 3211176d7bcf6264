import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";

/** "Page not found" in the visitor's language, with a way back. */
export async function NotFoundCard({ backHref, backLabel }: { backHref: string; backLabel: "toHome" | "toCabinet" }) {
  const t = await getTranslations();
  return (
    <Card className="mx-auto max-w-xl">
      <p className="text-sm font-semibold text-muted">404</p>
      <h1 className="mt-1 text-2xl font-bold">{t("notFound.title")}</h1>
      <p className="mt-3 text-muted">{t("notFound.text")}</p>
      <Link
        href={backHref}
        className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
      >
        {t(`common.${backLabel}`)}
      </Link>
    </Card>
  );
}
