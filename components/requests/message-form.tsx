"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createRequestAction, postMessageAction } from "@/app/actions/requests";
import { Uploader } from "@/components/documents/uploader";
import type { UploadedDocument } from "@/components/documents/upload-queue";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { SmallFormState } from "@/lib/actions/form-values";
import { REQUEST_CATEGORIES, REQUEST_PRIORITIES } from "@/lib/requests/constants";

const TEXTAREA =
  "block w-full min-h-32 rounded-lg border border-line bg-white px-3 py-2 text-base text-ink aria-[invalid=true]:border-danger";

export type UploadSettings = {
  maxBytes: number;
  accept: string;
  allowedTypes: string;
  /** Library category of uploaded attachments (one the author may use). */
  category: string;
  /** Where the files go: the member's own library by default, a served Partner's from the desk. */
  endpoint?: string;
};

/** Files uploaded into the library and attached by id (REQ-1: attachments are documents). */
function Attachments({ upload, onChange }: { upload: UploadSettings; onChange: (docs: UploadedDocument[]) => void }) {
  const t = useTranslations("requests");
  const [docs, setDocs] = useState<UploadedDocument[]>([]);
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">{t("thread.attach")}</p>
      <Uploader
        endpoint={upload.endpoint ?? "/api/documents/upload"}
        maxBytes={upload.maxBytes}
        accept={upload.accept}
        allowedTypes={upload.allowedTypes}
        fields={{ category: upload.category }}
        onUploaded={(d) =>
          setDocs((prev) => {
            const next = [...prev.filter((p) => p.id !== d.id), d];
            onChange(next);
            return next;
          })
        }
      />
      {docs.length ? (
        <p className="text-sm text-muted" data-testid="attached">
          {t("thread.attached", { names: docs.map((d) => d.title).join(", ") })}
        </p>
      ) : null}
    </div>
  );
}

/** The cabinet's form for a new request. */
export function NewRequestForm({ upload }: { upload: UploadSettings | null }) {
  const t = useTranslations("requests");
  const [state, action, pending] = useActionState<SmallFormState, FormData>(createRequestAction, {
    values: {},
    nonce: 0,
  });
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const e = state.fieldErrors ?? {};
  return (
    <div className="space-y-4">
      <form action={action} key={state.nonce} className="space-y-4">
        <input type="hidden" name="documentIds" value={documentIds.join(",")} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="req-category" label={t("fields.category")} errors={e.category}>
            <Select
              name="category"
              defaultValue={state.values.category ?? "accounting"}
              {...fieldAria("req-category", false, e.category)}
            >
              {REQUEST_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="req-priority" label={t("fields.priority")} errors={e.priority}>
            <Select
              name="priority"
              defaultValue={state.values.priority ?? "normal"}
              {...fieldAria("req-priority", false, e.priority)}
            >
              {REQUEST_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priorities.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field id="req-subject" label={t("fields.subject")} errors={e.subject}>
          <Input
            name="subject"
            maxLength={200}
            required
            defaultValue={state.values.subject ?? ""}
            {...fieldAria("req-subject", false, e.subject)}
          />
        </Field>
        <Field id="req-text" label={t("fields.text")} errors={e.text}>
          <textarea
            name="text"
            required
            maxLength={10000}
            className={TEXTAREA}
            defaultValue={state.values.text ?? ""}
            {...fieldAria("req-text", false, e.text)}
          />
        </Field>
        {state.message ? <Alert tone="error">{state.message}</Alert> : null}
        <Button type="submit" disabled={pending}>
          {t("create")}
        </Button>
      </form>
      {upload ? <Attachments upload={upload} onChange={(d) => setDocumentIds(d.map((x) => x.id))} /> : null}
    </div>
  );
}

/** A reply in a thread, from either side. */
export function ReplyForm({
  requestId,
  base,
  upload,
  hint,
}: {
  requestId: string;
  base: "cabinet" | "desk";
  upload: UploadSettings | null;
  hint?: string;
}) {
  const t = useTranslations("requests");
  const [state, action, pending] = useActionState<SmallFormState, FormData>(postMessageAction, {
    values: {},
    nonce: 0,
  });
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const [uploadKey, setUploadKey] = useState(0);
  // The text is held here, so a refused reply keeps it and a sent one clears it.
  const [text, setText] = useState("");
  const [seen, setSeen] = useState(0);
  if (state.nonce !== seen) {
    setSeen(state.nonce);
    if (state.ok) {
      setText("");
      setDocumentIds([]);
      setUploadKey((k) => k + 1);
    }
  }
  return (
    <div className="space-y-3">
      <form action={action} className="space-y-3">
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="base" value={base} />
        <input type="hidden" name="documentIds" value={documentIds.join(",")} />
        <Field id="reply-text" label={t("thread.reply")} hint={hint} errors={state.fieldErrors?.text}>
          <textarea
            name="text"
            required
            maxLength={10000}
            className={TEXTAREA}
            value={text}
            onChange={(e) => setText(e.target.value)}
            {...fieldAria("reply-text", Boolean(hint), state.fieldErrors?.text)}
          />
        </Field>
        {state.message ? <Alert tone="error">{state.message}</Alert> : null}
        <Button type="submit" disabled={pending}>
          {t("thread.send")}
        </Button>
      </form>
      {upload ? (
        <Attachments key={uploadKey} upload={upload} onChange={(d) => setDocumentIds(d.map((x) => x.id))} />
      ) : null}
    </div>
  );
}
