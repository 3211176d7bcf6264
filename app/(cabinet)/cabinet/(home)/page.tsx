import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { OpenInvitations } from "@/components/cabinet-home/open-invitations";
import { RecentActivity } from "@/components/cabinet-home/recent-activity";
import { ServingCompany } from "@/components/cabinet-home/serving-company";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { closedCabinetsLoader } from "@/lib/partner/closed-cabinets";
import { can } from "@/lib/permissions/catalog";
import { requireCabinet } from "@/lib/tenancy/cabinet";
import { load } from "@/lib/tenancy/request";
import { formatPhone } from "@/lib/validation/phone";

/** What needs attention first, then the sections: working ones as links, coming ones marked. */
export default async function CabinetHomePage({ searchParams }: { searchParams: Promise<{ converted?: string }> }) {
  const { session, person, actor, partner, modules } = await requireCabinet();
  const t = await getTranslations("cabinet");
  const td = await getTranslations("demoConvert");
  const { converted } = await searchParams;
  const tc = await getTranslations("common");
  const member = partner && actor.kind === "member" ? actor : null;
  // Places ignore suspended and blocked Partners: say why such a cabinet is gone instead of "none".
  const closed = member ? [] : await load(closedCabinetsLoader);
  const built = modules.filter((m) => m.built);
  const coming = modules.filter((m) => !m.built);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{t("welcome", { name: person.name })}</h1>
        {member && partner ? (
          <p className="mt-1 text-sm text-muted">
            {t("partnerLine", { partner: partner.name, role: t(`roles.${member.role}`) })} ·{" "}
            {t(`statuses.${partner.status}`)}
          </p>
        ) : closed.length > 0 ? (
          <div className="mt-3 space-y-3">
            {closed.map((c) => (
              <Card key={c.id} role="status" className="border-warn/50">
                <p className="font-semibold">{t("closed", { partner: c.name, status: c.status })}</p>
                {c.statusReason ? (
                  <p className="mt-1 break-words">{t("closedReason", { reason: c.statusReason })}</p>
                ) : null}
                <p className="mt-1 text-sm text-muted">{t("closedHint")}</p>
              </Card>
            ))}
          </div>
        ) : (
          <Card className="mt-3">
            <p>{t("noCabinet")}</p>
            <p className="mt-1 text-sm text-muted">{t("noCabinetHint")}</p>
          </Card>
        )}
      </div>
      {member && partner?.demoExpiresAt && can(member.rights, "cabinet.close") ? (
        <Card className="border-brand-600/40">
          <h2 className="text-lg font-semibold">{td("homeTitle")}</h2>
          <p className="mt-1 text-sm text-muted">{td("homeText")}</p>
          <Button asChild className="mt-3">
            <Link href="/cabinet/convert">{td("cta")}</Link>
          </Button>
        </Card>
      ) : null}
      {converted === "1" && member && partner && !partner.demoExpiresAt ? (
        <Alert tone="ok">{td("converted", { phone: formatPhone(session.phone) })}</Alert>
      ) : null}
      {member ? (
        <section aria-labelledby="attention-title">
          <h2 id="attention-title" className="mb-3 text-lg font-semibold">
            {t("home.attention")}
          </h2>
          <div className="grid gap-4 lg:grid-cols-2">
            {can(member.rights, "users.manage") ? <OpenInvitations /> : null}
            {can(member.rights, "audit.view") ? <RecentActivity /> : null}
            <ServingCompany />
          </div>
        </section>
      ) : null}
      {built.length > 0 ? (
        <section aria-labelledby="modules-title">
          <h2 id="modules-title" className="mb-3 text-lg font-semibold">
            {t("modulesTitle")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {built.map((m) => (
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
      {coming.length > 0 ? (
        <section aria-labelledby="coming-title" className="rounded-xl border border-dashed border-line p-5">
          <h2 id="coming-title" className="text-base font-semibold text-muted">
            {t("home.comingTitle")}
          </h2>
          <p className="mt-1 text-sm text-muted">{t("home.comingText")}</p>
          <ul className="mt-3 flex flex-wrap gap-2">
            {coming.map((m) => (
              <li key={m.key} className="rounded-full border border-line bg-white px-3 py-1 text-sm text-muted">
                {t(`nav.${m.key}`)} · {tc("comingSoon")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
