import { useTranslations } from "next-intl";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { almatyDisplayTime } from "@/lib/audit/almaty-time";
import type { RequestStatusKey } from "@/lib/requests/constants";

/** dd.MM.yyyy HH:mm in Almaty. */
export function when(at: Date): string {
  return almatyDisplayTime(at).slice(0, 16);
}

/** The due time as both sides see it: a time, "paused" while waiting, flagged when overdue. */
export function DueTime({
  dueAt,
  overdue,
  status,
}: {
  dueAt: Date | null;
  overdue: boolean;
  status: RequestStatusKey;
}) {
  const t = useTranslations("requests");
  if (status === "WAITING_PARTNER") return <span className="text-muted">{t("due.paused")}</span>;
  if (!dueAt || status === "RESOLVED" || status === "CLOSED")
    return <span className="text-muted">{t("due.none")}</span>;
  return (
    <span className={overdue ? "font-semibold text-danger" : undefined} data-testid="due">
      {overdue ? `${t("due.overdue")} · ` : ""}
      {t("due.at", { time: when(dueAt) })}
    </span>
  );
}

export function StatusBadge({ status }: { status: RequestStatusKey }) {
  const t = useTranslations("requests");
  const tone =
    status === "NEW"
      ? "bg-brand-50 text-brand-800"
      : status === "WAITING_PARTNER"
        ? "bg-warn-bg text-warn"
        : status === "RESOLVED" || status === "CLOSED"
          ? "bg-ok-bg text-ok"
          : "bg-white text-ink border border-line";
  return (
    <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ${tone}`} data-testid="status">
      {t(`statuses.${status}`)}
    </span>
  );
}

type Message = {
  id: string;
  side: "PARTNER" | "OUTSOURCER";
  text: string;
  sha256: string;
  createdAt: Date;
  author: { name: string };
  attachments: {
    documentId: string;
    versionId: string;
    title: string;
    fileName: string;
    sha256: string;
    /** Whether this reader may open the document (else its title and hash are shown, no link). */
    openable: boolean;
  }[];
};

/** The thread: each message with author, side, server time, its hash and attachments with theirs. */
/**
 * A page of the thread, oldest first. A long thread opens on its newest messages; `path` with
 * `earlierCursor` links the page before, and an older page links back to the newest.
 */
export function Thread({
  messages,
  viewer,
  path,
  earlierCursor,
  isEarlierPage,
}: {
  messages: Message[];
  viewer: "partner" | "outsourcer";
  path: string;
  earlierCursor: string | null;
  isEarlierPage: boolean;
}) {
  const t = useTranslations("requests");
  return (
    <div className="space-y-3">
      {earlierCursor ? (
        <Link className="block text-center text-sm text-brand-700 underline" href={`${path}?before=${earlierCursor}`}>
          {t("thread.earlier")}
        </Link>
      ) : null}
      <ThreadMessages messages={messages} viewer={viewer} label={t("thread.heading")} />
      {isEarlierPage ? (
        <Link className="block text-center text-sm text-brand-700 underline" href={path}>
          {t("thread.latest")}
        </Link>
      ) : null}
    </div>
  );
}

function ThreadMessages({
  messages,
  viewer,
  label,
}: {
  messages: Message[];
  viewer: "partner" | "outsourcer";
  label: string;
}) {
  const t = useTranslations("requests");
  return (
    <ol className="space-y-3" aria-label={label}>
      {messages.map((m) => {
        const side = m.side === "PARTNER" ? "partner" : "outsourcer";
        const own = side === viewer;
        return (
          <li key={m.id}>
            <Card className={`space-y-2 p-4 ${own ? "border-brand-100 bg-brand-50/40" : ""}`}>
              <p className="text-sm">
                <span className="font-semibold">{m.author.name}</span>{" "}
                <span className="text-muted">
                  · {t(`sides.${side}`)} · <time dateTime={m.createdAt.toISOString()}>{when(m.createdAt)}</time>
                </span>
              </p>
              <p className="whitespace-pre-wrap break-words">{m.text}</p>
              {m.attachments.length ? (
                <ul className="space-y-1 text-sm">
                  {m.attachments.map((a) => (
                    <li key={a.documentId}>
                      {a.openable ? (
                        <a
                          className="font-medium text-brand-700 underline"
                          href={`/api/documents/${a.documentId}/file?version=${a.versionId}`}
                        >
                          {a.title}
                        </a>
                      ) : (
                        <span>
                          {a.title} <span className="text-muted">({t("thread.attachmentClosed")})</span>
                        </span>
                      )}{" "}
                      <span className="break-all font-mono text-xs text-muted">sha256 {a.sha256}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              <p className="break-all font-mono text-xs text-muted">{t("thread.hash", { hash: m.sha256 })}</p>
            </Card>
          </li>
        );
      })}
    </ol>
  );
}

export function History({
  changes,
}: {
  changes: { fromStatus: RequestStatusKey | null; toStatus: RequestStatusKey; createdAt: Date }[];
}) {
  const t = useTranslations("requests");
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium">{t("thread.history")}</summary>
      <ol className="mt-2 space-y-1">
        {changes.map((c, i) => (
          <li key={i}>
            <time className="text-muted">{when(c.createdAt)}</time> ·{" "}
            {c.fromStatus === c.toStatus ? t("thread.historyAssign") : t(`statuses.${c.toStatus}`)}
          </li>
        ))}
      </ol>
    </details>
  );
}

export function TranscriptLinks({ requestId }: { requestId: string }) {
  const t = useTranslations("requests");
  return (
    <div className="flex flex-wrap gap-3 text-sm">
      <a className="font-medium text-brand-700 underline" href={`/api/requests/${requestId}/transcript?format=pdf`}>
        {t("transcript.pdf")}
      </a>
      <a className="font-medium text-brand-700 underline" href={`/api/requests/${requestId}/transcript?format=json`}>
        {t("transcript.json")}
      </a>
    </div>
  );
}

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="text-sm font-medium text-brand-700 underline">
      ← {label}
    </Link>
  );
}
