import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CompanyProfileForm } from "@/components/company/company-profile-form";
import { Card } from "@/components/ui/card";
import { Requisites } from "@/components/company/requisites";
import { profileFormValues } from "@/lib/partner/fields";
import { companyProfileLoader } from "@/lib/partner/queries";
import { can } from "@/lib/permissions/catalog";
import { requireModule } from "@/lib/tenancy/cabinet";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("company"))("title") };
}

/** ORG-1, ORG-2: the Partner's requisites; editable with profile.edit, otherwise read-only. */
export default async function CompanyPage() {
  const { actor } = await requireModule("company");
  if (actor.kind !== "member") notFound();
  // The Partner is the actor's own, never an id from the URL.
  const profile = await load(companyProfileLoader);
  const t = await getTranslations("company");
  const canEdit = can(actor.rights, "profile.edit");
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro")}</p>
      </div>
      <Card aria-labelledby="company-type">
        <dl>
          <dt id="company-type" className="text-sm text-muted">
            {t("typeLabel")}
          </dt>
          <dd className="font-medium">{t(`types.${profile.type}`)}</dd>
        </dl>
      </Card>
      <Card>
        {canEdit ? (
          <CompanyProfileForm type={profile.type} initial={profileFormValues(profile)} />
        ) : (
          <Requisites profile={profile} note={t("readOnly")} />
        )}
      </Card>
    </div>
  );
}
