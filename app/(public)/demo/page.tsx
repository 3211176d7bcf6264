import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DEMO_LIFETIME_DAYS } from "@/lib/demo/sample";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("demo"))("title") };
}

/** BIZ-3: what the demo is, and the one button that starts it (a plain form: no script needed). */
export default async function DemoPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const t = await getTranslations("demo");
  return (
    <div className="mx-auto max-w-3xl space-y-5 px-4 py-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg text-muted">{t("intro", { days: DEMO_LIFETIME_DAYS })}</p>
      <ul className="list-disc space-y-1 pl-6">
        <li>{t("points.sample")}</li>
        <li>{t("points.noPhone")}</li>
        <li>{t("points.deleted", { days: DEMO_LIFETIME_DAYS })}</li>
        <li>{t("points.real")}</li>
      </ul>
      {error ? (
        <Alert tone="error">{t(error === "rate_limited" ? "errors.rateLimited" : "errors.failed")}</Alert>
      ) : null}
      <form method="post" action="/api/demo">
        <Button type="submit" size="lg">
          {t("start")}
        </Button>
      </form>
    </div>
  );
}
