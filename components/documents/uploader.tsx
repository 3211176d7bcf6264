"use client";

import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useReducer, useRef, useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/utils";
import { UploadRow } from "./upload-row";
import {
  emptyQueue,
  queueReducer,
  readAnswer,
  sizeParts,
  summarize,
  toStart,
  type QueueAction,
  type UploadedDocument,
} from "./upload-queue";

export type UploaderProps = {
  /** Same-origin URL answering the upload contract (multipart in, `{ documents }` out). */
  endpoint: string;
  /** Text fields sent before the file (e.g. `documentId` for a new version, `partnerId`). */
  fields?: Record<string, string>;
  maxBytes: number;
  /** The allowed formats as people name them, for the hint under the drop zone. */
  allowedTypes: string;
  /** The file picker's filter (`.pdf,image/jpeg,…`); the server checks the content anyway. */
  accept: string;
  multiple?: boolean;
  /** When given, a labelled select whose value is sent as `category` with each file. */
  categories?: { value: string; label: string }[];
  defaultCategory?: string;
  /** Called for each stored document (not for a duplicate, which stores nothing). */
  onUploaded?: (document: UploadedDocument) => void;
};

type Pending = { file: File; category?: string };

/**
 * A drop zone and a file picker that upload each file on its own request, at most two at a time,
 * with progress and cancel per file. When the last one finishes and something was stored, the
 * server page is refreshed so its list shows the new documents.
 */
export function Uploader({
  endpoint,
  fields,
  maxBytes,
  allowedTypes,
  accept,
  multiple = true,
  categories,
  defaultCategory,
  onUploaded,
}: UploaderProps) {
  const t = useTranslations("documents.upload");
  const format = useFormatter();
  const router = useRouter();
  const id = useId();
  const [state, dispatch] = useReducer(queueReducer, emptyQueue);
  const [category, setCategory] = useState(defaultCategory ?? categories?.[0]?.value ?? "");
  const [dragging, setDragging] = useState(false);
  const pending = useRef(new Map<string, Pending>());
  const requests = useRef(new Map<string, XMLHttpRequest>());
  const counter = useRef(0);
  const stored = useRef(false);
  // The answer of a request arrives after renders; it must see the props of now, not of its start.
  const latest = useRef({ endpoint, fields, onUploaded });
  useEffect(() => {
    latest.current = { endpoint, fields, onUploaded };
  });

  const formatSize = useCallback(
    (bytes: number) => {
      const { value, unit } = sizeParts(bytes);
      return t("size", { value: format.number(value, { maximumFractionDigits: 1 }), unit });
    },
    [t, format],
  );

  const addFiles = (list: FileList | null) => {
    const chosen = Array.from(list ?? []).slice(0, multiple ? undefined : 1);
    if (!chosen.length) return;
    const files = chosen.map((file) => {
      const key = `${id}-${(counter.current += 1)}`;
      // The category chosen now goes with these files, whatever is picked while they wait.
      pending.current.set(key, { file, category: categories ? category : undefined });
      return { id: key, name: file.name, size: file.size };
    });
    dispatch({ type: "add", files, maxBytes });
  };

  useEffect(() => {
    for (const item of toStart(state)) {
      const entry = pending.current.get(item.id);
      if (!entry || requests.current.has(item.id)) continue;
      pending.current.delete(item.id);
      dispatch({ type: "start", id: item.id });
      const { endpoint: url, fields: extra } = latest.current;
      const xhr = send(item.id, url, extra, entry, (action) => {
        if (action.type !== "progress") requests.current.delete(item.id);
        dispatch(action);
        if (action.type === "done" && !action.duplicate) {
          stored.current = true;
          for (const document of action.documents) latest.current.onUploaded?.(document);
        }
      });
      requests.current.set(item.id, xhr);
    }
  }, [state]);

  const summary = summarize(state);
  useEffect(() => {
    if (summary.idle && stored.current) {
      stored.current = false;
      router.refresh();
    }
  }, [summary.idle, router]);

  // Leaving the page stops what is still on the wire.
  useEffect(() => {
    const open = requests.current;
    return () => {
      for (const xhr of open.values()) xhr.abort();
      open.clear();
    };
  }, []);

  const cancel = (key: string) => {
    dispatch({ type: "cancel", id: key });
    pending.current.delete(key);
    requests.current.get(key)?.abort();
    requests.current.delete(key);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    addFiles(event.dataTransfer.files);
  };
  const maxSize = formatSize(maxBytes);

  return (
    <div className="space-y-4">
      {categories ? (
        <Field id={`${id}-category`} label={t("category")}>
          <Select id={`${id}-category`} value={category} onChange={(event) => setCategory(event.target.value)}>
            {categories.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
          setDragging(true);
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
        className={cn(
          "flex flex-col items-center gap-3 rounded-xl border-2 border-dashed border-line bg-white px-4 py-6 text-center transition-colors",
          dragging && "border-brand-600 bg-brand-50",
        )}
      >
        <Upload aria-hidden className="hidden size-8 text-brand-600 sm:block" />
        {/* Dragging is a desktop gesture; on a phone the button is the way in. */}
        <p className="hidden font-medium sm:block">
          {t("dropHint")} <span className="font-normal text-muted">{t("or")}</span>
        </p>
        <input
          id={`${id}-input`}
          type="file"
          multiple={multiple}
          accept={accept}
          aria-describedby={`${id}-limits`}
          className="peer sr-only"
          onChange={(event) => {
            addFiles(event.target.files);
            // The same file can be chosen again after a refusal.
            event.target.value = "";
          }}
        />
        <Button
          asChild
          variant="secondary"
          className="cursor-pointer peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600"
        >
          <label htmlFor={`${id}-input`}>{t("choose")}</label>
        </Button>
        <p id={`${id}-limits`} className="text-sm text-muted">
          {t("limits", { max: maxSize, types: allowedTypes })}
        </p>
      </div>
      {state.items.length ? (
        <section aria-label={t("list")} className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p role="status" className="text-sm font-medium">
              {t("summary", { done: summary.done, total: summary.total })}
              {t("summaryDetails", {
                duplicate: summary.duplicate,
                refused: summary.refused,
                cancelled: summary.cancelled,
              })}
            </p>
            {summary.idle ? (
              <Button type="button" variant="ghost" size="sm" onClick={() => dispatch({ type: "clear" })}>
                {t("clear")}
              </Button>
            ) : null}
          </div>
          <ul className="space-y-2">
            {state.items.map((item) => (
              <UploadRow key={item.id} item={item} formatSize={formatSize} maxSize={maxSize} onCancel={cancel} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** One file on its own request; XMLHttpRequest because fetch reports no upload progress. */
function send(
  id: string,
  endpoint: string,
  fields: Record<string, string> | undefined,
  { file, category }: Pending,
  report: (action: QueueAction) => void,
): XMLHttpRequest {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields ?? {}))
    if (category === undefined || name !== "category") body.append(name, value);
  if (category !== undefined) body.append("category", category);
  body.append("file", file, file.name);
  const xhr = new XMLHttpRequest();
  xhr.upload.onprogress = (event) => {
    if (event.lengthComputable) report({ type: "progress", id, loaded: event.loaded, total: event.total });
  };
  xhr.onload = () => report({ id, ...readAnswer(xhr.status, xhr.responseText) });
  xhr.onerror = () => report({ type: "refused", id, reason: "network" });
  xhr.open("POST", endpoint);
  xhr.setRequestHeader("Accept", "application/json");
  xhr.send(body);
  return xhr;
}
