import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AssignRequestsForm } from "@/components/requests/assign-form";
import { MarkRead, NoteForm, StatusButtons } from "@/components/requests/desk-forms";
import { ReplyForm } from "@/components/requests/message-form";
import { BackLink, DueTime, History, StatusBadge, Thread, TranscriptLinks, when } from "@/components/requests/views";
import { Card } from "@/components/ui/card";
import type { RequestStatusKey } from "@/lib/requests/constants";
import { requestDetailLoader } from "@/lib/requests/queries";
import { deskAttachmentUpload } from "@/lib/requests/upload-settings";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests"))("deskTitle") };
}

/** What staff may move a request to from where it is (the same rule the action checks). */
const MOVES: Record<RequestStatusKey, RequestStatusKey[]> = {
  NEW: ["IN_PROGRESS", "WAITING_PARTNER", "RESOLVED"],
  IN_PROGRESS: ["WAITING_PARTNER", "RESOLVED"],
  WAITING_PARTNER: ["IN_PROGRESS", "RESOLVED"],
  RESOLVED: ["IN_PROGRESS", "CLOSED"],
  CLOSED: [],
};

/** REQ-2, REQ-4: a request at the desk: the thread, status, assignment and internal notes. */
export default async function DeskRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ requestId: string }>;
  searchParams: Promise<{ before?: string | string[] }>;
}) {
  const { requestId } = await params;
  const { before } = await searchParams;
  const data = await load(requestDetailLoader, { requestId, before: typeof before === "string" ? before : undefined });
  const t = await getTranslations("requests");
  const r = data.request;
  return (
    <ClientMessages namespaces={["requests", "documents.upload"]}>
      <div className="space-y-4">
        <MarkRead requestId={r.id} unread={data.unread} />
        <BackLink href="/desk/requests" label={t("back")} />
        <div className="space-y-1">
          <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
            <span className="font-mono">{r.number}</span> · {r.partner.name} <StatusBadge status={r.status} />
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
          <p>
            {t("fields.created")}: {when(r.createdAt)}
          </p>
        </Card>
        {MOVES[r.status].length ? <StatusButtons requestId={r.id} moves={MOVES[r.status]} /> : null}
        {data.isManager ? <AssignRequestsForm staff={data.staff} requestId={r.id} current={r.assignee?.id} /> : null}
        <Thread
          messages={data.messages}
          viewer="outsourcer"
          path={`/desk/requests/${r.id}`}
          earlierCursor={data.earlierCursor}
          isEarlierPage={data.isEarlierPage}
        />
        {r.status !== "CLOSED" ? (
          <Card className="p-4 sm:p-6">
            <ReplyForm
              requestId={r.id}
              base="desk"
              upload={data.canAttach ? deskAttachmentUpload({ partnerId: r.partnerId, category: r.category }) : null}
            />
          </Card>
        ) : null}
        <Card aria-labelledby="notes" className="space-y-3 border-warn/30 bg-warn-bg/40 p-4 sm:p-6">
          <h2 id="notes" className="text-lg font-semibold">
            {t("notes.heading")}
          </h2>
          {data.notes.length ? (
            <ul className="space-y-2 text-sm">
              {data.notes.map((n) => (
                <li key={n.id}>
                  <span className="font-medium">{n.author.name}</span>{" "}
                  <span className="text-muted">· {when(n.createdAt)}</span>
                  <p className="whitespace-pre-wrap break-words">{n.text}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{t("notes.empty")}</p>
          )}
          <NoteForm requestId={r.id} />
        </Card>
        <History changes={r.statusChanges} />
        <TranscriptLinks requestId={r.id} />
      </div>
    </ClientMessages>
  );
}
