import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { LiftLockForm } from "@/components/admin/lift-lock-form";
import { Card } from "@/components/ui/card";
import { jobHealthLoader, platformOverviewLoader } from "@/lib/admin/queries";
import { PARTNER_STATUSES } from "@/lib/admin/schemas";
import { can } from "@/lib/permissions/catalog";
import { load, requirePlace } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

/** The operator's home: the platform at a glance. */
export default async function AdminHomePage() {
  const { actor } = await requirePlace("operator");
  const [data, jobs] = await Promise.all([load(platformOverviewLoader), load(jobHealthLoader)]);
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const tc = await getTranslations("cabinet");
  const figures = [
    ...PARTNER_STATUSES.map((s) => ({
      label: t("overview.partners", { status: tc(`statuses.${s}`) }),
      value: data.partners[s] ?? 0,
    })),
    { label: t("overview.companies"), value: data.companies },
    { label: t("overview.staff"), value: data.staff },
    { label: t("overview.people"), value: data.people },
    { label: t("overview.sessions"), value: data.sessions },
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Card aria-labelledby="overview-title">
        <h2 id="overview-title" className="mb-3 text-lg font-semibold">
          {t("overview.title")}
        </h2>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {figures.map((f) => (
            <div key={f.label}>
              <dt className="text-sm text-muted">{f.label}</dt>
              <dd className="text-2xl font-bold tabular-nums">{f.value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {can(actor.rights, "platform.partners.manage") ? (
        <Card>
          <LiftLockForm />
        </Card>
      ) : null}
      <Card aria-labelledby="jobs-title">
        <h2 id="jobs-title" className="mb-3 text-lg font-semibold">
          {t("jobs.title")}
        </h2>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {(["created", "retry", "active", "failed"] as const).map((state) => (
            <div key={state}>
              <dt className="text-sm text-muted">{t(`jobs.states.${state}`)}</dt>
              <dd
                className={`text-2xl font-bold tabular-nums ${state === "failed" && jobs.counts.failed ? "text-danger" : ""}`}
              >
                {jobs.counts[state]}
              </dd>
            </div>
          ))}
        </dl>
        {jobs.oldestWaitingSince ? (
          <p className="mt-3 text-sm text-warn">
            {t("jobs.stuck", {
              since: format.dateTime(jobs.oldestWaitingSince, { dateStyle: "short", timeStyle: "short" }),
            })}
          </p>
        ) : null}
        <h3 className="mt-4 font-semibold">{t("jobs.failuresTitle")}</h3>
        {jobs.failures.length === 0 ? (
          <p className="mt-1 text-sm text-muted">{t("jobs.noFailures")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-line text-sm">
            {jobs.failures.map((f) => (
              <li key={f.id} className="py-2">
                <p className="font-medium">
                  {f.queue} · {format.dateTime(f.failedAt, { dateStyle: "short", timeStyle: "short" })} ·{" "}
                  {t("jobs.attempts", { count: f.attempts })}
                </p>
                <p className="break-words text-muted">{f.error}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
