import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/layout/coming-soon";

export default async function TariffsPage() {
  const t = await getTranslations("landing.nav");
  return (
    <div className="px-4 py-10">
      <ComingSoon title={t("tariffs")} />
    </div>
  );
}
