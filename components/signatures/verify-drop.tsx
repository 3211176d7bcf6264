"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, type DragEvent } from "react";
import { Alert } from "@/components/ui/alert";

type Answer =
  | { match: false }
  | {
      match: true;
      sha256: string;
      documents: {
        title: string;
        partnerName: string;
        signers: { name: string; organisationName: string | null; method: string; signedAt: string }[];
      }[];
    };

type State =
  | { kind: "idle" }
  | { kind: "hashing"; name: string }
  | { kind: "done"; name: string; sha256: string; answer: Answer }
  | { kind: "error"; message: string };

/** Hex SHA-256 of a file, computed in the browser (Web Crypto): the file itself never leaves it. */
async function sha256Of(file: File): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The public check (DOC-5): drop or choose a file; its SHA-256 is computed here and only the hash is
 * sent; the answer says whether a signed version with it exists (from a sheet's link: whether it is
 * THAT version) and who signed it.
 */
export function VerifyDrop({ shortId }: { shortId?: string }) {
  const t = useTranslations("signatures.verify");
  const tm = useTranslations("signatures.methods");
  const format = useFormatter();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [over, setOver] = useState(false);

  async function check(file: File | undefined) {
    if (!file) return;
    setState({ kind: "hashing", name: file.name });
    try {
      const sha256 = await sha256Of(file);
      const response = await fetch("/api/verify", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sha256, ...(shortId ? { shortId } : {}) }),
      });
      if (response.status === 429) return setState({ kind: "error", message: t("rateLimited") });
      if (response.status === 404) return setState({ kind: "done", name: file.name, sha256, answer: { match: false } });
      if (!response.ok) return setState({ kind: "error", message: t("failed") });
      setState({ kind: "done", name: file.name, sha256, answer: (await response.json()) as Answer });
    } catch {
      setState({ kind: "error", message: t("failed") });
    }
  }

  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setOver(false);
    void check(event.dataTransfer.files[0]);
  };

  return (
    <div className="space-y-4">
      <label
        htmlFor="verify-file"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`flex min-h-40 cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed p-6 text-center ${
          over ? "border-brand-700 bg-brand-50" : "border-line bg-white"
        }`}
      >
        <span className="font-semibold">{t("drop")}</span>
        <span className="text-sm text-muted">{t("private")}</span>
        <input
          id="verify-file"
          type="file"
          className="sr-only"
          aria-label={t("choose")}
          onChange={(e) => void check(e.target.files?.[0])}
        />
      </label>
      <div aria-live="polite" className="space-y-3">
        {state.kind === "hashing" ? <p className="text-sm">{t("hashing", { name: state.name })}</p> : null}
        {state.kind === "error" ? <Alert tone="error">{state.message}</Alert> : null}
        {state.kind === "done" ? (
          <>
            <p className="text-sm break-all text-muted">
              {state.name} · SHA-256 {state.sha256}
            </p>
            {state.answer.match ? (
              <>
                <Alert tone="ok">{t("match")}</Alert>
                {state.answer.documents.map((d, i) => (
                  <div key={i} className="space-y-2 rounded-lg border border-line p-3">
                    <p className="font-semibold break-words">{d.title}</p>
                    <p className="text-sm break-words text-muted">{t("partner", { name: d.partnerName })}</p>
                    <ul className="divide-y divide-line text-sm" aria-label={t("signers")}>
                      {d.signers.map((s, j) => (
                        <li key={j} className="py-1.5 break-words">
                          <span className="font-semibold">{s.name}</span>
                          {s.organisationName ? ` · ${s.organisationName}` : ""} ·{" "}
                          {tm(s.method === "ECP" ? "ECP" : "SMS")} ·{" "}
                          {format.dateTime(new Date(s.signedAt), { dateStyle: "medium", timeStyle: "short" })}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </>
            ) : (
              <Alert tone="error">{t(shortId ? "noMatchLink" : "noMatch")}</Alert>
            )}
          </>
        ) : null}
      </div>
    </div>
  );
}
