import { getFormatter, getTranslations } from "next-intl/server";
import { archiveDocumentAction, sendDocumentAction } from "@/app/actions/documents";
import { Card } from "@/components/ui/card";
import { RowAction } from "@/components/users/row-action";
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_LABEL } from "@/lib/documents/inspect/allowed";
import type { documentDetailLoader } from "@/lib/documents/queries";
import { Preview } from "./preview";
import { Uploader } from "./uploader";
import { FileSize } from "./file-size";

type Detail = Extract<Awaited<ReturnType<typeof documentDetailLoader.run>>, { ok: true }>["data"];

const PREVIEWABLE = new Set(["application/pdf", "image/jpeg", "image/png"]);

/**
 * One document for either side: what it is, who sent it to whom and when, who of the other side
 * opened it, a preview, every version, and what the reader may do (new version, send, archive).
 */
export async function DocumentDetail({ doc, side }: { doc: Detail; side: "partner" | "desk" }) {
  const t = await getTranslations("documents");
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const fileUrl = (versionId: string, inline = false) =>
    `/api/documents/${doc.id}/file?version=${versionId}${inline ? "&inline=1" : ""}`;
  const period =
    doc.periodStart && doc.periodEnd
      ? format.dateTime(doc.periodStart, { month: "long", year: "numeric", timeZone: "UTC" })
      : null;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold break-words">{doc.title}</h1>
        <p className="mt-1 text-muted">
          {side === "desk" ? `${doc.partner.name} · ` : null}
          {t(`categories.${doc.category}` as never)}
          {period ? ` · ${period}` : null}
        </p>
        {doc.description ? <p className="mt-2 whitespace-pre-line">{doc.description}</p> : null}
      </div>

      <Card aria-labelledby="doc-route" className="space-y-2">
        <h2 id="doc-route" className="text-lg font-semibold">
          {t("route.title")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-muted">{t("route.status")}</dt>
          <dd>
            {t(`directions.${doc.direction}` as never)} · {t(`statuses.${doc.status}` as never)}
          </dd>
          <dt className="text-muted">{t("route.created")}</dt>
          <dd>{t("route.byAt", { who: doc.createdBy.name, when: when(doc.createdAt) })}</dd>
          {doc.sentAt ? (
            <>
              <dt className="text-muted">{t("route.sent")}</dt>
              <dd>
                {t("route.sentDetail", {
                  who: doc.sentBy?.name ?? "",
                  when: when(doc.sentAt),
                  to: doc.direction === "TO_OUTSOURCER" ? (doc.company?.name ?? "") : doc.partner.name,
                })}
              </dd>
              <dt className="text-muted">{t("route.opened")}</dt>
              <dd>
                {doc.receipts.length === 0 ? (
                  t("route.notOpened")
                ) : (
                  <ul>
                    {doc.receipts.map((r) => (
                      <li key={`${r.person.name}-${r.openedAt.toISOString()}`}>
                        {t("route.openedBy", { who: r.person.name, when: when(r.openedAt) })}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </>
          ) : null}
        </dl>
        {doc.canSend || doc.canArchive ? (
          <div className="flex flex-wrap gap-3 pt-2">
            {doc.canSend ? (
              <RowAction
                action={sendDocumentAction}
                name="documentId"
                value={doc.id}
                label={t("send")}
                done={t("sentDone")}
                variant="primary"
              />
            ) : null}
            {doc.canArchive ? (
              <RowAction
                action={archiveDocumentAction}
                name="documentId"
                value={doc.id}
                label={t("archive")}
                done={t("archivedDone")}
                confirm={{ question: t("archiveQuestion"), yes: t("archiveYes") }}
              />
            ) : null}
          </div>
        ) : null}
        {doc.status === "SENT" ? <p className="text-sm text-muted">{t("legallySignificant")}</p> : null}
      </Card>

      <Card aria-labelledby="doc-preview" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="doc-preview" className="text-lg font-semibold">
            {t("preview.heading", { n: doc.current.number })}
          </h2>
          <a
            href={fileUrl(doc.current.id)}
            className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
          >
            {t("download")}
          </a>
        </div>
        {PREVIEWABLE.has(doc.current.mime) ? (
          <Preview src={fileUrl(doc.current.id, true)} mime={doc.current.mime} title={doc.title} />
        ) : (
          <p className="text-sm text-muted">{t("noPreview")}</p>
        )}
      </Card>

      <Card aria-labelledby="doc-versions" className="space-y-3">
        <h2 id="doc-versions" className="text-lg font-semibold">
          {t("versions.title")}
        </h2>
        <ol className="divide-y divide-line">
          {doc.versions.map((v) => (
            <li key={v.id} className="space-y-1 py-3">
              <p className="font-medium break-all">
                {t("versionN", { n: v.number })} · {v.originalName}
              </p>
              <p className="text-sm text-muted">
                <FileSize bytes={v.size} /> · {t("route.byAt", { who: v.uploadedBy.name, when: when(v.createdAt) })}
                {v.scanStatus === "PENDING" ? ` · ${t("scanPending")}` : null}
              </p>
              <p className="font-mono text-xs break-all text-muted" title="SHA-256">
                SHA-256 {v.sha256}
              </p>
              <a href={fileUrl(v.id)} className="text-sm font-medium text-brand-700 underline">
                {t("downloadVersion", { n: v.number })}
              </a>
            </li>
          ))}
        </ol>
        {doc.canAddVersion ? (
          <div className="space-y-2 border-t border-line pt-3">
            <h3 className="font-semibold">{t("versions.add")}</h3>
            <Uploader
              endpoint={`/api/documents/upload?documentId=${doc.id}`}
              maxBytes={doc.maxUploadBytes}
              accept={ACCEPT_ATTRIBUTE}
              allowedTypes={ALLOWED_TYPES_LABEL}
              multiple={false}
            />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
