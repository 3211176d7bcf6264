import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/i18n/client-messages";
import { VerifyDrop } from "@/components/signatures/verify-drop";
import { Card } from "@/components/ui/card";
import { verifyLinkLoader } from "@/lib/signatures/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signatures"))("verify.title"), robots: { index: false } };
}

/** A signature sheet's QR link: which document it is about; a dropped file is checked against THAT version. */
export default async function VerifyLinkPage({ params }: { params: Promise<{ shortId: string }> }) {
  const { shortId } = await params;
  const linked = await verifyLinkLoader.run({ shortId }, { session: null });
  if (!linked.ok) notFound();
  const t = await getTranslations("signatures");
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <Card className="space-y-4">
        <h1 className="text-2xl font-bold">{t("verify.title")}</h1>
        <p className="break-words">
          {t("verify.linkFor", { title: linked.data.title, partner: linked.data.partnerName })}
        </p>
        <p className="text-sm text-muted">{t("verify.linkIntro")}</p>
        <ClientMessages namespaces={["signatures"]}>
          <VerifyDrop shortId={shortId} />
        </ClientMessages>
      </Card>
    </div>
  );
}
