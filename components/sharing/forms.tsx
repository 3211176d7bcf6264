"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import {
  commentSharedAction,
  createShareAction,
  decideSharedAction,
  revokeShareAction,
  type ShareFormState,
} from "@/app/actions/sharing";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SHARE_RIGHTS } from "@/lib/sharing/rights";

function useForm(action: (s: ShareFormState, f: FormData) => Promise<ShareFormState>) {
  const [state, run, pending] = useActionState<ShareFormState, FormData>(action, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return { state, run, pending, form };
}

/** The Partner shares this document with a counterparty's person (DOC-4). */
export function ShareForm({ documentId }: { documentId: string }) {
  const t = useTranslations("sharing");
  const { state, run, pending, form } = useForm(createShareAction);
  const err = (k: string) => state.fieldErrors?.[k];
  return (
    <form ref={form} action={run} className="space-y-4" aria-label={t("form.title")}>
      <input type="hidden" name="documentId" value={documentId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="share-phone" label={t("form.phone")} errors={err("phone")}>
          <Input id="share-phone" name="phone" type="tel" autoComplete="off" required placeholder="+7 701 123 45 67" />
        </Field>
        <Field id="share-name" label={t("form.name")} errors={err("name")}>
          <Input id="share-name" name="name" required maxLength={200} />
        </Field>
        <Field id="share-org" label={t("form.organisationName")} errors={err("organisationName")}>
          <Input id="share-org" name="organisationName" required maxLength={300} />
        </Field>
        <Field id="share-bin" label={t("form.organisationBin")} errors={err("organisationBin")}>
          <Input id="share-bin" name="organisationBin" inputMode="numeric" required maxLength={12} />
        </Field>
        <Field id="share-expires" label={t("form.expiresAt")} hint={t("form.expiresHint")} errors={err("expiresAt")}>
          <Input id="share-expires" name="expiresAt" type="date" />
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("form.rights")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {SHARE_RIGHTS.map((right) => (
            <label key={right} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" name="rights" value={right} defaultChecked={right === "view"} className="size-5" />
              {t(`rights.${right}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="allowDownload" className="size-5" />
        {t("form.allowDownload")}
      </label>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="watermark" className="size-5" />
        <span>
          {t("form.watermark")} <span className="text-muted">({t("form.watermarkHint")})</span>
        </span>
      </label>
      {state.ok ? <Alert tone="ok">{t("form.done")}</Alert> : null}
      {state.ok === false && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {t("form.submit")}
      </Button>
    </form>
  );
}

/** Ends a share at once. */
export function RevokeShareButton({ shareId, label }: { shareId: string; label: string }) {
  const t = useTranslations("sharing");
  const { state, run, pending } = useForm(revokeShareAction);
  return (
    <form action={run} className="inline">
      <input type="hidden" name="shareId" value={shareId} />
      <Button type="submit" variant="danger" size="sm" disabled={pending} aria-label={`${t("revoke")}: ${label}`}>
        {t("revoke")}
      </Button>
      {state.ok === false && state.message ? <span className="ml-2 text-sm text-danger">{state.message}</span> : null}
    </form>
  );
}

/** A new comment in the document's thread. */
export function CommentForm({ documentId }: { documentId: string }) {
  const t = useTranslations("sharing.thread");
  const { state, run, pending, form } = useForm(commentSharedAction);
  return (
    <form ref={form} action={run} className="space-y-2">
      <input type="hidden" name="documentId" value={documentId} />
      <Field id="comment-body" label={t("body")} errors={state.fieldErrors?.body}>
        <textarea
          id="comment-body"
          name="body"
          required
          maxLength={4000}
          rows={3}
          className="block w-full rounded-lg border border-line bg-white px-3 py-2 text-base"
        />
      </Field>
      {state.ok === false && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {t("send")}
      </Button>
    </form>
  );
}

/** The counterparty approves the version, or rejects it with a reason. */
export function DecisionForm({ documentId, versionId }: { documentId: string; versionId: string }) {
  const t = useTranslations("sharing.decisions");
  const { state, run, pending, form } = useForm(decideSharedAction);
  return (
    <div className="space-y-3">
      <form action={run}>
        <input type="hidden" name="documentId" value={documentId} />
        <input type="hidden" name="versionId" value={versionId} />
        <input type="hidden" name="decision" value="approve" />
        <Button type="submit" disabled={pending}>
          {t("approve")}
        </Button>
      </form>
      <form ref={form} action={run} className="space-y-2">
        <input type="hidden" name="documentId" value={documentId} />
        <input type="hidden" name="versionId" value={versionId} />
        <input type="hidden" name="decision" value="reject" />
        <Field id="reject-reason" label={t("reason")} errors={state.fieldErrors?.reason}>
          <Input id="reject-reason" name="reason" required maxLength={2000} />
        </Field>
        <Button type="submit" variant="danger" disabled={pending}>
          {t("reject")}
        </Button>
      </form>
      {state.ok ? <Alert tone="ok">{t("done")}</Alert> : null}
      {state.ok === false && state.message ? <Alert tone="error">{state.message}</Alert> : null}
    </div>
  );
}
