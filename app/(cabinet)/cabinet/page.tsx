import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requireCabinet } from "@/lib/tenancy/cabinet";

export default async function CabinetHomePage() {
  const { person, actor, partner, modules } = await requireCabinet();
  const t = await getTranslations("cabinet");
  return (
    <div className="space-y-6">
      <Card>
        <h1 className="text-2xl font-bold">{t("welcome", { name: person.name })}</h1>
        {partner && actor.kind === "member" ? (
          <p className="mt-2 text-muted">
            {t("partnerLine", { partner: partner.name, role: t(`roles.${actor.role}`) })} ·{" "}
            {t(`statuses.${partner.status}`)}
          </p>
        ) : (
          <div className="mt-3">
            <p>{t("noCabinet")}</p>
            <p className="mt-1 text-sm text-muted">{t("noCabinetHint")}</p>
          </div>
        )}
      </Card>
      {modules.length > 0 ? (
        <section aria-labelledby="modules-title">
          <h2 id="modules-title" className="mb-3 text-lg font-semibold">
            {t("modulesTitle")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {modules.map((m) => (
              <li key={m.key}>
                <Link
                  href={`/cabinet/${m.key}`}
                  className="block h-full rounded-xl border border-line bg-white p-5 hover:border-brand-600"
                >
                  <span className="block font-semibold text-brand-800">{t(`nav.${m.key}`)}</span>
                  <span className="mt-1 block text-sm text-muted">{t(`modules.${m.key}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
