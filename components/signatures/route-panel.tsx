import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { documentRoutesLoader, routePeopleLoader } from "@/lib/signatures/queries";
import { RouteForm, StepActions } from "./forms";

type Data<L extends { run: (...args: never[]) => Promise<unknown> }> = Extract<
  Awaited<ReturnType<L["run"]>>,
  { ok: true }
>["data"];
type Routes = Data<typeof documentRoutesLoader>;
type People = Data<typeof routePeopleLoader>;

const STATUS_TONE: Record<string, string> = {
  ACTIVE: "bg-brand-50 text-brand-800",
  COMPLETED: "bg-ok-bg text-ok",
  DECLINED: "bg-danger-bg text-danger",
  EXPIRED: "bg-warn-bg text-warn",
};

/**
 * A document's routes for approval and signature (DOC-5) on its page in the cabinet, at the desk and
 * in /shared: each route's steps with their outcome, the reader's own step when it is their turn
 * (sign by SMS code, approve, decline), the signature sheets of signed versions, and in the cabinet
 * "Отправить на подпись".
 */
export async function RoutePanel({ data, people }: { data: Routes; people?: People | null }) {
  const t = await getTranslations("signatures");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  if (data.routes.length === 0 && !(data.canCreate && people)) return null;
  return (
    <Card className="space-y-4">
      <h2 className="text-lg font-semibold">{t("panel.title")}</h2>
      {data.routes.length === 0 ? <p className="text-sm text-muted">{t("panel.none")}</p> : null}
      {data.routes.map((route) => (
        <section
          key={route.id}
          className="space-y-3 rounded-lg border border-line p-3"
          aria-label={t("panel.routeLabel", { purpose: route.purpose })}
        >
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-semibold">{t(`purposes.${route.purpose}`)}</span>
            <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_TONE[route.status] ?? ""}`}>
              {t(`statuses.${route.status}`)}
            </span>
          </div>
          <p className="text-sm break-words text-muted">
            {t("panel.meta", {
              number: route.versionNumber ?? 0,
              ordering: route.ordering,
              deadline: when(route.deadline),
              by: route.createdBy,
            })}
          </p>
          <p className="font-mono text-xs break-all text-muted">SHA-256 {route.sha256}</p>
          <ol className="divide-y divide-line">
            {route.steps.map((step) => (
              <li key={step.id} className="space-y-2 py-2">
                <div className="flex flex-col gap-1 text-sm sm:flex-row sm:items-center sm:justify-between">
                  <span className="min-w-0 break-words">
                    {step.position}. <span className="font-semibold">{step.name}</span>{" "}
                    <span className="text-muted">
                      · {t(`sides.${step.side}`)}
                      {step.organisationName ? ` · ${step.organisationName}` : ""}
                    </span>
                  </span>
                  <span className="shrink-0">
                    {t(`stepStatuses.${step.onTurn ? "ON_TURN" : step.status}`)}
                    {step.decidedAt ? ` · ${when(step.decidedAt)}` : ""}
                    {step.method ? ` · ${t(`methods.${step.method as "SMS" | "ECP"}`)}` : ""}
                  </span>
                </div>
                {step.ecp ? (
                  <p className="flex flex-wrap gap-x-3 text-sm text-muted">
                    <span className="font-mono">
                      {step.ecp.bin
                        ? t("ecp.signedBin", { iin: step.ecp.iin ?? "", bin: step.ecp.bin })
                        : t("ecp.signed", { iin: step.ecp.iin ?? "" })}
                    </span>
                    <a
                      href={`/api/documents/${data.documentId}/signatures/${route.versionId}/cms/${step.ecp.signatureId}`}
                      className="font-medium text-brand-700 underline"
                      download
                    >
                      {t("ecp.cms")}
                    </a>
                  </p>
                ) : null}
                {step.reason ? (
                  <p className="text-sm break-words text-danger">{t("panel.reason", { reason: step.reason })}</p>
                ) : null}
                {step.mine ? (
                  <StepActions
                    documentId={data.documentId}
                    stepId={step.id}
                    purpose={route.purpose}
                    iinKnown={data.iinKnown}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
      {data.signedVersions.length ? (
        <ul className="space-y-2">
          {data.signedVersions.map((v) => (
            <li key={v.id}>
              <a
                href={`/api/documents/${data.documentId}/signatures/${v.id}/sheet`}
                className="text-sm font-medium text-brand-700 underline"
                download
              >
                {t("panel.sheet", { number: v.number ?? 0 })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {data.canCreate && people ? (
        <details className="rounded-lg border border-line p-4">
          <summary className="cursor-pointer font-semibold">{t("form.title")}</summary>
          <div className="mt-4">
            <RouteForm
              documentId={data.documentId}
              members={people.members}
              staff={people.staff}
              allowCounterparty={data.canAddCounterparty}
            />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
