import { getTranslations } from "next-intl/server";
import { PROFILE_SECTIONS, profileFieldsFor, profileLabelKey, type ProfileSection } from "@/lib/partner/fields";
import type { CompanyProfile } from "@/lib/partner/queries";
import { formatPhone } from "@/lib/validation/phone";

/** A Partner's requisites, read-only: for members without profile.edit, for staff and operators. */
export async function Requisites({ profile, note }: { profile: CompanyProfile; note: string }) {
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
