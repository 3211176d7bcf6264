import { getFormatter, getTranslations } from "next-intl/server";

interface ThreadProps {
  comments: { id: string; authorName: string; side: string; body: string; createdAt: Date }[];
  decisions: {
    id: string;
    personName: string;
    decision: string;
    reason: string | null;
    versionNumber: number | null;
    createdAt: Date;
  }[];
}

/** A shared document's decisions and its one comment thread, oldest first; both sides see the same. */
export async function SharedThread({ comments, decisions }: ThreadProps) {
  const t = await getTranslations("sharing");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-6">
      <section aria-labelledby="decisions-title" className="space-y-2">
        <h2 id="decisions-title" className="text-lg font-semibold">
          {t("decisions.title")}
        </h2>
        {decisions.length === 0 ? <p className="text-sm text-muted">{t("decisions.none")}</p> : null}
        <ul className="space-y-2">
          {decisions.map((d) => (
            <li key={d.id} className="rounded-lg border border-line p-3 text-sm">
              <p>
                <span className={d.decision === "APPROVED" ? "font-semibold text-ok" : "font-semibold text-danger"}>
                  {t(`decisions.${d.decision === "APPROVED" ? "APPROVED" : "REJECTED"}`)}
                </span>{" "}
                · {d.personName}
                {d.versionNumber ? ` · ${t("decisions.version", { number: d.versionNumber })}` : ""} ·{" "}
                <time dateTime={d.createdAt.toISOString()}>{when(d.createdAt)}</time>
              </p>
              {d.reason ? <p className="mt-1 break-words whitespace-pre-wrap">{d.reason}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="thread-title" className="space-y-2">
        <h2 id="thread-title" className="text-lg font-semibold">
          {t("thread.title")}
        </h2>
        {comments.length === 0 ? <p className="text-sm text-muted">{t("thread.empty")}</p> : null}
        <ol className="space-y-2">
          {comments.map((c) => (
            <li
              key={c.id}
              className={
                c.side === "counterparty"
                  ? "rounded-lg border border-line bg-brand-50 p-3"
                  : "rounded-lg border border-line bg-white p-3"
              }
            >
              <p className="text-xs text-muted">
                {c.authorName}
                {c.side === "counterparty" ? ` · ${t("panel.counterparty")}` : ""} ·{" "}
                <time dateTime={c.createdAt.toISOString()}>{when(c.createdAt)}</time>
              </p>
              <p className="mt-1 text-sm break-words whitespace-pre-wrap">{c.body}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
