"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import type { UploadItem } from "./upload-queue";

const barTone: Record<UploadItem["status"], string> = {
  waiting: "bg-line",
  uploading: "bg-brand-600",
  done: "bg-ok",
  duplicate: "bg-brand-600",
  refused: "bg-danger",
  cancelled: "bg-muted",
};

/** One file of the uploader: its name, size, progress and what became of it. */
export function UploadRow({
  item,
  formatSize,
  maxSize,
  onCancel,
}: {
  item: UploadItem;
  formatSize: (bytes: number) => string;
  /** The limit, already formatted, for the refusal of a file that is too large. */
  maxSize: string;
  onCancel: (id: string) => void;
}) {
  const t = useTranslations("documents.upload");
  const status = statusText(t, item, maxSize);
  const cancellable = item.status === "uploading" || item.status === "waiting";
  return (
    <li className="space-y-2 rounded-lg border border-line bg-white p-3">
      <div className="flex items-baseline justify-between gap-3">
        <span className="min-w-0 truncate font-medium" title={item.name}>
          {item.name}
        </span>
        <span className="shrink-0 text-sm text-muted tabular-nums">{formatSize(item.size)}</span>
      </div>
      <div
        role="progressbar"
        aria-label={t("progress", { name: item.name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={item.percent}
        aria-valuetext={status}
        className="h-2 overflow-hidden rounded-full bg-surface"
      >
        <div
          className={cn("h-full rounded-full transition-[width] duration-200", barTone[item.status])}
          style={{ width: `${item.status === "refused" || item.status === "cancelled" ? 100 : item.percent}%` }}
        />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p
          className={cn(
            "min-w-0 text-sm",
            item.status === "refused" ? "font-medium text-danger" : item.status === "done" ? "text-ok" : "text-muted",
          )}
        >
          {status}
        </p>
        {cancellable ? (
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() => onCancel(item.id)}
            aria-label={t("cancelFile", { name: item.name })}
          >
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

function statusText(t: ReturnType<typeof useTranslations<"documents.upload">>, item: UploadItem, maxSize: string) {
  switch (item.status) {
    case "waiting":
      return t("waiting");
    case "uploading":
      // Every byte is sent; the server is still checking and storing the file.
      return item.percent >= 100 ? t("processing") : t("uploading", { percent: item.percent });
    case "done":
      return t("done");
    case "duplicate":
      return t("duplicate");
    case "cancelled":
      return t("cancelled");
    case "refused":
      // The server's message is already a sentence in the user's language.
      return refusalText(t, item, maxSize);
  }
}

function refusalText(t: ReturnType<typeof useTranslations<"documents.upload">>, item: UploadItem, maxSize: string) {
  switch (item.reason) {
    case "empty":
      return t("empty");
    case "too_large":
      return t("tooLarge", { max: maxSize });
    case "server":
      return item.message ?? "";
    case "network":
      return t("network");
    default:
      return t("failed", { status: item.message ?? "" });
  }
}
