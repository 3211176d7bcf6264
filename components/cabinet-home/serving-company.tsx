import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { servingCompanyLoader } from "@/lib/cabinet-home/queries";
import { load } from "@/lib/tenancy/request";
import { formatPhone } from "@/lib/validation/phone";

/** Who serves the Partner and how to reach them. */
export async function ServingCompany() {
  const t = await getTranslations("cabinet.home");
  const company = await load(servingCompanyLoader);
  return (
    <Card aria-labelledby="home-company">
      <h3 id="home-company" className="font-semibold">
        {t("companyTitle")}
      </h3>
      {company ? (
        <>
          <p className="mt-2 font-medium">{company.name}</p>
          <ul className="mt-2 space-y-2 text-sm">
            {company.staff.map((s) => (
              <li key={s.id}>
                <span className="text-muted">{t(`staffRoles.${s.role}`)}:</span> {s.person.name},{" "}
                <a href={`tel:${s.person.phone}`} className="text-brand-700 underline">
                  {formatPhone(s.person.phone)}
                </a>
                {s.person.email ? (
                  <>
                    {", "}
                    <a href={`mailto:${s.person.email}`} className="text-brand-700 underline">
                      {s.person.email}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-2 text-sm text-muted">{t("companyNone")}</p>
      )}
    </Card>
  );
}
