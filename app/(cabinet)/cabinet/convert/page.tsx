import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ConvertDemoForm } from "@/components/demo/convert-form";
import { Card } from "@/components/ui/card";
import { demoConversionLoader } from "@/lib/demo/queries";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("demoConvert"))("title") };
}

/** The primary user of a demo cabinet makes it a real Partner (BIZ-3); any other cabinet: not found. */
export default async function ConvertDemoPage() {
  const demo = await load(demoConversionLoader);
  if (!demo.convertible) notFound();
  const t = await getTranslations("demoConvert");
  return (
    <Card className="max-w-2xl">
      <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
      <p className="mt-2 text-sm text-muted">{t("intro")}</p>
      <ul className="mt-3 mb-6 list-disc space-y-1 pl-5 text-sm">
        <li>{t("points.kept")}</li>
        <li>{t("points.removed")}</li>
        <li>{t("points.noPurge")}</li>
        <li>{t("points.phone")}</li>
      </ul>
      <ConvertDemoForm />
    </Card>
  );
}
