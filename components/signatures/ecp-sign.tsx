"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signEcpAction } from "@/app/actions/signatures";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NCALAYER_INSTALL_URL } from "@/lib/signatures/constants";

type Outcome =
  | { kind: "idle" }
  | { kind: "working" }
  | { kind: "notRunning" }
  | { kind: "cancelled" }
  | { kind: "error"; message: string; fieldErrors?: Record<string, string[]> }
  | { kind: "done" };

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = "";
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * "Подписать ЭЦП": the version's bytes from the step's own content route, a detached CMS from
 * NCALayer (wss://127.0.0.1:13579, the user's signing key; the private key never leaves their
 * computer), then the server verifies and records it. NCALayer not running: the install link;
 * cancelled in NCALayer: a calm note. On the first ЭЦП signature the person confirms their IIN.
 */
export function EcpSign({ documentId, stepId, iinKnown }: { documentId: string; stepId: string; iinKnown: boolean }) {
  const t = useTranslations("signatures.ecp");
  const locale = useLocale();
  const router = useRouter();
  const [iin, setIin] = useState("");
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });

  async function sign() {
    setOutcome({ kind: "working" });
    let data: string;
    try {
      const response = await fetch(`/api/signatures/steps/${stepId}/content`, { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      data = toBase64(await response.arrayBuffer());
    } catch {
      setOutcome({ kind: "error", message: t("fileFailed") });
      return;
    }
    const { NCALayerClient } = await import("ncalayer-js-client");
    const client = new NCALayerClient(undefined, false);
    try {
      await client.connect();
    } catch {
      setOutcome({ kind: "notRunning" });
      return;
    }
    let cms: string;
    try {
      cms = await client.basicsSignCMS(
        NCALayerClient.basicsStorageAll,
        data,
        NCALayerClient.basicsCMSParamsDetached,
        NCALayerClient.basicsSignerSignAny,
        locale === "kk" ? "kk" : locale === "en" ? "en" : "ru",
      );
    } catch (error) {
      if ((error as { canceledByUser?: boolean }).canceledByUser) setOutcome({ kind: "cancelled" });
      else setOutcome({ kind: "error", message: t("failed", { message: (error as Error).message ?? "" }) });
      return;
    }
    const state = await signEcpAction({ documentId, stepId, cms, ...(iinKnown ? {} : { iin: iin.trim() }) });
    if (state.ok) {
      setOutcome({ kind: "done" });
      router.refresh();
    } else setOutcome({ kind: "error", message: state.message ?? "", fieldErrors: state.fieldErrors });
  }

  const iinErrors = outcome.kind === "error" ? outcome.fieldErrors?.iin : undefined;
  return (
    <form
      className="space-y-2 border-t border-brand-100 pt-3"
      aria-label={t("title")}
      onSubmit={(event) => {
        event.preventDefault();
        void sign();
      }}
    >
      <p className="text-sm">{t("intro")}</p>
      {iinKnown ? null : (
        <Field id={`iin-${stepId}`} label={t("iin")} hint={t("iinHint")} errors={iinErrors}>
          <Input
            id={`iin-${stepId}`}
            name="iin"
            inputMode="numeric"
            pattern="[0-9]{12}"
            maxLength={12}
            required
            value={iin}
            onChange={(event) => setIin(event.target.value)}
          />
        </Field>
      )}
      <Button type="submit" variant="secondary" disabled={outcome.kind === "working"}>
        {t("sign")}
      </Button>
      <div aria-live="polite" className="space-y-2">
        {outcome.kind === "working" ? <p className="text-sm text-muted">{t("working")}</p> : null}
        {outcome.kind === "notRunning" ? (
          <Alert tone="error">
            <span className="block">{t("notRunning")}</span>
            <a href={NCALAYER_INSTALL_URL} target="_blank" rel="noopener noreferrer" className="font-medium underline">
              {t("install")}
            </a>
          </Alert>
        ) : null}
        {outcome.kind === "cancelled" ? <Alert tone="info">{t("cancelled")}</Alert> : null}
        {outcome.kind === "error" && !iinErrors ? <Alert tone="error">{outcome.message}</Alert> : null}
        {outcome.kind === "done" ? <Alert tone="ok">{t("done")}</Alert> : null}
      </div>
    </form>
  );
}
