import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { partnerStatusLoader } from "@/lib/admin/queries";
import { ActivatePartnerForm, RestorePartnerForm, SuspendPartnerForm } from "./partner-status-forms";

type StatusData = Awaited<ReturnType<typeof partnerStatusLoader.load>>;

/** A Partner's status, contract and status history; the forms only for those who may change it. */
export async function PartnerStatusCard({ data, canManage }: { data: StatusData; canManage: boolean }) {
  const t = await getTranslations("admin.status");
  const tc = await getTranslations("cabinet");
  const format = await getFormatter();
  const label = (s: string) => tc(`statuses.${s}`);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const closed = data.status === "SUSPENDED" || data.status === "BLOCKED";
  return (
    <Card aria-labelledby="status-title" className="space-y-4">
      <div>
        <h2 id="status-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1">
          {t("current")}: <strong data-testid="partner-status">{label(data.status)}</strong>
          {data.statusChangedAt ? (
            <span className="text-sm text-muted"> · {t("since", { at: when(data.statusChangedAt) })}</span>
          ) : null}
        </p>
        {closed && data.statusReason ? <p className="text-sm">{t("reason", { reason: data.statusReason })}</p> : null}
        <p className="text-sm text-muted">
          {data.contractNumber && data.contractDate
            ? t("contract", {
                number: data.contractNumber,
                date: format.dateTime(data.contractDate, { dateStyle: "short", timeZone: "UTC" }),
              })
            : t("noContract")}
        </p>
      </div>
      {canManage && data.status === "DEMO" ? <ActivatePartnerForm partnerId={data.id} /> : null}
      {canManage && closed ? (
        <RestorePartnerForm partnerId={data.id} restoresTo={label(data.contractNumber ? "ACTIVE" : "DEMO")} />
      ) : null}
      {canManage && data.status !== "BLOCKED" ? (
        <SuspendPartnerForm
          partnerId={data.id}
          statusLabels={{ SUSPENDED: label("SUSPENDED"), BLOCKED: label("BLOCKED") }}
        />
      ) : null}
      <section aria-labelledby="history-title">
        <h3 id="history-title" className="font-semibold">
          {t("historyTitle")}
        </h3>
        {data.statusChanges.length === 0 ? (
          <p className="mt-1 text-sm text-muted">{t("noHistory")}</p>
        ) : (
          <ol className="mt-2 divide-y divide-line text-sm">
            {data.statusChanges.map((c) => (
              <li key={c.id} className="py-2">
                <p className="font-medium">
                  {label(c.fromStatus)} → {label(c.toStatus)}
                </p>
                {c.reason ? <p className="break-words">{t("reason", { reason: c.reason })}</p> : null}
                <p className="text-muted">{t("by", { operator: c.operator.name, at: when(c.createdAt) })}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </Card>
  );
}
