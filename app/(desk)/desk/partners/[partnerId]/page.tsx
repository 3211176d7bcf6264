import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Requisites } from "@/components/company/requisites";
import { AssignmentsPanel } from "@/components/desk/assignments-panel";
import { Uploader } from "@/components/documents/uploader";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Card } from "@/components/ui/card";
import { deskPartnerLoader } from "@/lib/desk/queries";
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_LABEL } from "@/lib/documents/inspect/allowed";
import { deskDocumentsLoader } from "@/lib/documents/queries";
import { DOCUMENT_CATEGORIES } from "@/lib/permissions/catalog";
import { companyProfileLoader } from "@/lib/partner/queries";
import { load } from "@/lib/tenancy/request";

/** One served Partner at the desk: requisites read-only, who is assigned (managers assign here). */
export default async function DeskPartnerPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  // Both loaders scope to the Partners this person reaches: any other id is the not-found page.
  const [data, profile, documents] = await Promise.all([
    load(deskPartnerLoader, { partnerId }),
    load(companyProfileLoader, { partnerId }),
    load(deskDocumentsLoader, { partnerId }),
  ]);
  const t = await getTranslations("desk");
  const td = await getTranslations("documents");
  return (
    <ClientMessages namespaces={["desk", "documents.upload", "users"]}>
      <div className="space-y-4">
        <Link href="/desk" className="text-sm font-medium text-brand-700 underline">
          {t("back")}
        </Link>
        <h1 className="text-2xl font-bold">{data.partner.name}</h1>
        <AssignmentsPanel data={data} />
        <Card aria-labelledby="send-documents" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="send-documents" className="text-lg font-semibold">
              {td("deskSend.title")}
            </h2>
            <Link
              href={`/desk/documents?partnerId=${partnerId}`}
              className="text-sm font-medium text-brand-700 underline"
            >
              {td("deskSend.all")}
            </Link>
          </div>
          {documents.canEdit ? (
            <>
              <p className="text-sm text-muted">{td("deskSend.intro")}</p>
              <Uploader
                endpoint={`/api/documents/upload?partnerId=${partnerId}`}
                maxBytes={documents.maxUploadBytes}
                accept={ACCEPT_ATTRIBUTE}
                allowedTypes={ALLOWED_TYPES_LABEL}
                categories={DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: td(`categories.${c}` as never) }))}
                defaultCategory="tax_reports"
              />
            </>
          ) : null}
        </Card>
        <Card>
          <Requisites profile={profile} note={t("readOnly")} />
        </Card>
      </div>
    </ClientMessages>
  );
}
