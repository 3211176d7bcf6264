import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { NewRequestForm } from "@/components/requests/message-form";
import { BackLink } from "@/components/requests/views";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/permissions/catalog";
import { attachmentUpload } from "@/lib/requests/upload-settings";
import { requireModule } from "@/lib/tenancy/cabinet";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests"))("new") };
}

/** REQ-1: a new request with attachments uploaded into the library. */
export default async function NewRequestPage() {
  const { actor } = await requireModule("requests");
  if (!can(actor.rights, "requests.edit")) notFound();
  const t = await getTranslations("requests");
  return (
    <div className="space-y-4">
      <BackLink href="/cabinet/requests" label={t("back")} />
      <h1 className="text-2xl font-bold">{t("new")}</h1>
      <Card className="p-4 sm:p-6">
        <NewRequestForm upload={attachmentUpload(actor)} />
      </Card>
    </div>
  );
}
