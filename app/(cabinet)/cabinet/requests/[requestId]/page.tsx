import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { MarkRead } from "@/components/requests/desk-forms";
import { ReplyForm } from "@/components/requests/message-form";
import { BackLink, DueTime, History, StatusBadge, Thread, TranscriptLinks } from "@/components/requests/views";
import { Card } from "@/components/ui/card";
import { requestDetailLoader } from "@/lib/requests/queries";
import { attachmentUpload } from "@/lib/requests/upload-settings";
import { requireModule } from "@/lib/tenancy/cabinet";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests"))("title") };
}

/** REQ-2: one request's thread from the Partner's side (never the staff's notes). */
export default async function RequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ requestId: string }>;
  searchParams: Promise<{ before?: string | string[] }>;
}) {
  const { actor } = await requireModule("requests");
  const { requestId } = await params;
  const { before } = await searchParams;
  const data = await load(requestDetailLoader, { requestId, before: typeof before === "string" ? before : undefined });
  const t = await getTranslations("requests");
  const r = data.request;
  const hint =
    r.status === "CLOSED" ? t("thread.closedHint") : r.status === "RESOLVED" ? t("thread.resolvedHint") : undefined;
  return (
    <div className="space-y-4">
      <MarkRead requestId={r.id} unread={data.unread} />
      <BackLink href="/cabinet/requests" label={t("back")} />
      <div className="space-y-1">
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
          <span className="font-mono">{r.number}</span> <StatusBadge status={r.status} />
        </p>
        <h1 className="text-2xl font-bold break-words">{r.subject}</h1>
      </div>
      <Card className="grid gap-2 p-4 text-sm sm:grid-cols-2">
        <p>
          {t("fields.category")}: {t(`categories.${r.category}`)} · {t(`priorities.${r.priority}`)}
        </p>
        <p>
          {t("fields.assignee")}: {r.assignee?.name ?? t("unassigned")}
        </p>
        <p>
          {t("fields.due")}: <DueTime dueAt={r.dueAt} overdue={r.overdue} status={r.status} />
        </p>
        {r.linkedFrom ? (
          <p>
            <Link className="text-brand-700 underline" href={`/cabinet/requests/${r.linkedFrom.id}`}>
              {t("thread.linkedFrom", { number: r.linkedFrom.number })}
            </Link>
          </p>
        ) : null}
        {r.followUps.map((f) => (
          <p key={f.id}>
            <Link className="text-brand-700 underline" href={`/cabinet/requests/${f.id}`}>
              {t("thread.followUp", { number: f.number })}
            </Link>
          </p>
        ))}
      </Card>
      <Thread
        messages={data.messages}
        viewer="partner"
        path={`/cabinet/requests/${r.id}`}
        earlierCursor={data.earlierCursor}
        isEarlierPage={data.isEarlierPage}
      />
      {data.canWrite ? (
        <Card className="p-4 sm:p-6">
          <ReplyForm requestId={r.id} base="cabinet" upload={attachmentUpload(actor)} hint={hint} />
        </Card>
      ) : null}
      <History changes={r.statusChanges} />
      <TranscriptLinks requestId={r.id} />
    </div>
  );
}
