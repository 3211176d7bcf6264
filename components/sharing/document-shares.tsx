import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { documentSharesLoader } from "@/lib/sharing/queries";
import { CommentForm, RevokeShareButton, ShareForm } from "./forms";
import { SharedThread } from "./thread";

type Data = Extract<Awaited<ReturnType<typeof documentSharesLoader.run>>, { ok: true }>["data"];

/**
 * On a document's page, for members with "sharing: view": who it is shared with (revocable with
 * "sharing: edit"), the view log of its files (who, when, from which IP, which version) and the thread.
 */
export async function DocumentShares({
  documentId,
  data,
  canEdit,
}: {
  documentId: string;
  data: Data;
  canEdit: boolean;
}) {
  const t = await getTranslations("sharing");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-4">
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">{t("panel.title")}</h2>
        {data.shares.length === 0 ? <p className="text-sm text-muted">{t("panel.none")}</p> : null}
        <ul className="divide-y divide-line">
          {data.shares.map((s) => (
            <li key={s.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0 text-sm">
                <p className="font-semibold break-words">
                  {s.person.name} · {s.organisationName ?? ""} {s.organisationBin ? `(${s.organisationBin})` : ""}
                </p>
                <p className="text-muted">
                  {s.person.phone} · {s.rights.map((r) => t(`rights.${r as "view"}`)).join(", ")}
                  {s.allowDownload ? `, ${t("download")}` : ""}
                  {s.watermark ? `, ${t("watermark")}` : ""} ·{" "}
                  {s.live
                    ? t("until", { date: format.dateTime(s.expiresAt, { dateStyle: "medium" }) })
                    : s.revokedAt
                      ? t("revokedMark")
                      : t("expired")}
                </p>
              </div>
              {canEdit && s.live ? <RevokeShareButton shareId={s.id} label={s.person.name} /> : null}
            </li>
          ))}
        </ul>
        {canEdit ? (
          <details className="rounded-lg border border-line p-4">
            <summary className="cursor-pointer font-semibold">{t("form.title")}</summary>
            <div className="mt-4">
              <ShareForm documentId={documentId} />
            </div>
          </details>
        ) : null}
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">{t("panel.viewLog")}</h2>
        {data.views.length === 0 ? <p className="text-sm text-muted">{t("panel.noViews")}</p> : null}
        <ul className="divide-y divide-line text-sm" aria-label={t("panel.viewLog")}>
          {data.views.map((v) => (
            <li key={v.id} className="py-2 break-words">
              <span className="font-semibold">{v.name}</span>
              {v.counterparty ? ` (${t("panel.counterparty")})` : ""} ·{" "}
              {t(v.action === "document.viewed" ? "panel.viewed" : "panel.downloaded")}
              {v.versionNumber ? ` · ${t("panel.version", { number: v.versionNumber })}` : ""} ·{" "}
              <time dateTime={v.at.toISOString()}>{when(v.at)}</time>
              {v.ip ? ` · IP ${v.ip}` : ""}
            </li>
          ))}
        </ul>
      </Card>
      {data.shares.length > 0 ? (
        <Card className="space-y-4">
          <SharedThread comments={data.comments} decisions={data.decisions} />
          <CommentForm documentId={documentId} />
        </Card>
      ) : null}
    </div>
  );
}
