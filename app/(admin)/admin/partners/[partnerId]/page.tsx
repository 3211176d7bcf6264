import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PartnerStatusCard } from "@/components/admin/partner-status-card";
import { ServingCompanyForm } from "@/components/admin/serving-company-form";
import { Requisites } from "@/components/company/requisites";
import { AssignmentsPanel } from "@/components/desk/assignments-panel";
import { Card } from "@/components/ui/card";
import { companiesLoader, partnerStatusLoader } from "@/lib/admin/queries";
import { deskPartnerLoader } from "@/lib/desk/queries";
import { companyProfileLoader } from "@/lib/partner/queries";
import { can } from "@/lib/permissions/catalog";
import { load, requirePlace } from "@/lib/tenancy/request";

/** One Partner in the back office: status and contract, requisites, serving company, assignments. */
export default async function AdminPartnerPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const { actor } = await requirePlace("operator");
  const [data, profile, companies, status] = await Promise.all([
    load(deskPartnerLoader, { partnerId }),
    load(companyProfileLoader, { partnerId }),
    load(companiesLoader),
    load(partnerStatusLoader, { partnerId }),
  ]);
  const canManage = can(actor.rights, "platform.partners.manage");
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <Link href="/admin/partners" className="text-sm font-medium text-brand-700 underline">
        {t("partners.back")}
      </Link>
      <h1 className="text-2xl font-bold">{data.partner.name}</h1>
      <PartnerStatusCard data={status} canManage={canManage} />
      {canManage ? (
        <Card>
          <ServingCompanyForm
            partnerId={data.partner.id}
            current={data.partner.outsourcingCompany?.id ?? null}
            companies={companies.map((c) => ({ id: c.id, name: c.name }))}
          />
        </Card>
      ) : null}
      <AssignmentsPanel data={data} />
      <Card>
        <Requisites profile={profile} note={t("partners.readOnly")} />
      </Card>
    </div>
  );
}
