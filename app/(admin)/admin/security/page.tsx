import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { BlockPersonForm, ReviewFindingForm, UnblockPersonForm } from "@/components/admin/security-forms";
import { Card } from "@/components/ui/card";
import { securityOverviewLoader } from "@/lib/admin/security-queries";
import { SUSPICIOUS_RULES, type SuspiciousRule } from "@/lib/admin/suspicious-rules";
import { can } from "@/lib/permissions/catalog";
import { load, requirePlace } from "@/lib/tenancy/request";
import { formatPhone } from "@/lib/validation/phone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.security"))("title") };
}

const isRule = (rule: string): rule is SuspiciousRule => rule in SUSPICIOUS_RULES;

/** Suspicious activity and people blocked pending review (AUD-5, 003 §7.5). */
export default async function AdminSecurityPage() {
  const { actor } = await requirePlace("operator");
  const data = await load(securityOverviewLoader);
  const canManage = can(actor.rights, "platform.security.manage");
  const t = await getTranslations("admin.security");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-muted">{t("intro")}</p>
      <Card aria-labelledby="findings-title">
        <h2 id="findings-title" className="mb-3 text-lg font-semibold">
          {t("findingsTitle")}
        </h2>
        {data.findings.length === 0 ? (
          <p className="text-sm text-muted">{t("noFindings")}</p>
        ) : (
          <ul className="divide-y divide-line" aria-labelledby="findings-title">
            {data.findings.map((f) => (
              <li key={f.id} className="space-y-2 py-3" data-testid="finding">
                <p className="font-semibold">{isRule(f.rule) ? t(`rules.${f.rule}`) : f.rule}</p>
                <p className="text-sm">
                  {f.person
                    ? `${f.person.name} · ${formatPhone(f.person.phone)}`
                    : f.subjectType === "ip"
                      ? t("address", { ip: f.subjectKey })
                      : t("unknownNumber", { pseudonym: f.subjectKey.slice(0, 8) })}
                  {f.person?.blocked ? (
                    <span className="ml-2 rounded bg-danger-bg px-2 py-0.5 text-xs font-semibold text-danger">
                      {t("blockedBadge")}
                    </span>
                  ) : null}
                </p>
                <p className="text-sm text-muted">
                  {isRule(f.rule) ? t(`counts.${f.rule}`, { count: f.count }) : f.count} ·{" "}
                  {t("seen", { first: when(f.firstSeenAt), last: when(f.lastSeenAt) })}
                </p>
                {canManage ? (
                  <div className="flex flex-col gap-3">
                    {f.person && !f.person.blocked ? <BlockPersonForm personId={f.person.id} findingId={f.id} /> : null}
                    <ReviewFindingForm findingId={f.id} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="blocks-title">
        <h2 id="blocks-title" className="mb-3 text-lg font-semibold">
          {t("blocksTitle")}
        </h2>
        {data.blocks.length === 0 ? (
          <p className="text-sm text-muted">{t("noBlocks")}</p>
        ) : (
          <ul className="divide-y divide-line" aria-labelledby="blocks-title">
            {data.blocks.map((b) => (
              <li key={b.person.id} className="space-y-1 py-3" data-testid="blocked-person">
                <p className="font-semibold">
                  {b.person.name} · {formatPhone(b.person.phone)}
                </p>
                <p className="text-sm text-muted">
                  {t("blockedLine", { at: when(b.createdAt), by: b.blockedBy.name })}
                </p>
                <p className="text-sm break-words">{t("reasonLine", { reason: b.reason })}</p>
                {canManage ? <UnblockPersonForm personId={b.person.id} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
