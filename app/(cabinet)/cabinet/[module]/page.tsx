import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/layout/coming-soon";
import { requireModule } from "@/lib/tenancy/cabinet";

/** Sections still to be built: present in navigation, guarded by their right like the real ones will be. */
export default async function ModulePlaceholderPage({ params }: { params: Promise<{ module: string }> }) {
  const { module } = await requireModule((await params).module);
  const t = await getTranslations("cabinet.nav");
  return <ComingSoon title={t(module.key)} backHref="/cabinet" />;
}
