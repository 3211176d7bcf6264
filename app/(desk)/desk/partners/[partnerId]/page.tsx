import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Requisites } from "@/components/company/requisites";
import { AssignmentsPanel } from "@/components/desk/assignments-panel";
import { Card } from "@/components/ui/card";
import { deskPartnerLoader } from "@/lib/desk/queries";
import { companyProfileLoader } from "@/lib/partner/queries";
import { load } from "@/lib/tenancy/request";

/** One served Partner at the desk: requisites read-only, who is assigned (managers assign here). */
export default async function DeskPartnerPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  // Both loaders scope to the Partners this person reaches: any other id is the not-found page.
  const [data, profile] = await Promise.all([
    load(deskPartnerLoader, { partnerId }),
    load(companyProfileLoader, { partnerId }),
  ]);
  const t = await getTranslations("desk");
  return (
    <div className="space-y-4">
      <Link href="/desk" className="text-sm font-medium text-brand-700 underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold">{data.partner.name}</h1>
      <AssignmentsPanel data={data} />
      <Card>
        <Requisites profile={profile} note={t("readOnly")} />
      </Card>
    </div>
  );
}
