import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CompanyProfileForm } from "@/components/company/company-profile-form";
import { Card } from "@/components/ui/card";
import {
  PROFILE_SECTIONS,
  profileFieldsFor,
  profileFormValues,
  profileLabelKey,
  type ProfileSection,
} from "@/lib/partner/fields";
import { getCompanyProfile, type CompanyProfile } from "@/lib/partner/queries";
import { can } from "@/lib/permissions/catalog";
import { requireModule } from "@/lib/tenancy/cabinet";
import { formatPhone } from "@/lib/validation/phone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("company"))("title") };
}

/** ORG-1, ORG-2: the Partner's requisites; editable with profile.edit, otherwise read-only. */
export default async function CompanyPage() {
  const { actor } = await requireModule("company");
  if (actor.kind !== "member") notFound();
  // The Partner is the actor's own, never an id from the URL.
  const profile = await getCompanyProfile(actor.partnerId);
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

async function Requisites({ profile, note }: { profile: CompanyProfile; note: string }) {
  const t = await getTranslations("company");
  const fields = new Set(profileFieldsFor(profile.type));
  const shown = (field: keyof CompanyProfile, value: string | null) =>
    value ? (field === "contactPhone" ? formatPhone(value) : value) : null;
  return (
    <div className="space-y-6">
      <p className="text-sm text-muted">{note}</p>
      {(Object.keys(PROFILE_SECTIONS) as ProfileSection[]).map((section) => (
        <section key={section} aria-labelledby={`section-${section}`}>
          <h2 id={`section-${section}`} className="mb-3 text-lg font-semibold">
            {t(`sections.${section}`)}
          </h2>
          <dl className="grid gap-x-6 gap-y-3 md:grid-cols-2">
            {PROFILE_SECTIONS[section]
              .filter((field) => fields.has(field))
              .map((field) => {
                const value = shown(field, profile[field]);
                return (
                  <div key={field} className="min-w-0">
                    <dt className="text-sm text-muted">
                      {t(`fields.${profileLabelKey(profile.type, field)}` as never)}
                    </dt>
                    <dd className={value ? "font-medium break-words" : "text-muted italic"}>{value ?? t("notSet")}</dd>
                  </div>
                );
              })}
          </dl>
        </section>
      ))}
    </div>
  );
}
