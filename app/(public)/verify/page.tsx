import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { VerifyDrop } from "@/components/signatures/verify-drop";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signatures"))("verify.title") };
}

/** Public verification (no login): does this file match a signed version, and who signed it. */
export default async function VerifyPage() {
  const t = await getTranslations("signatures");
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <Card className="space-y-4">
        <h1 className="text-2xl font-bold">{t("verify.title")}</h1>
        <p className="text-sm text-muted">{t("verify.intro")}</p>
        <ClientMessages namespaces={["signatures"]}>
          <VerifyDrop />
        </ClientMessages>
      </Card>
    </div>
  );
}
