/**
 * The upload queue of the document uploader as a pure reducer: which files wait, which are on
 * the wire, what became of each. The component owns the files and the requests; this module only
 * decides, so the rules (refusal before start, at most MAX_PARALLEL at a time, cancel) are testable
 * without a browser. Import-free on purpose: client code may import it.
 */

/** How many files travel at once: more would only split the same bandwidth. */
export const MAX_PARALLEL = 2;

/** A stored document as the upload endpoint answers it. */
export type UploadedDocument = {
  id: string;
  title: string;
  category: string;
  version: { id: string; number: number; size: number; sha256: string; mime: string };
};

export type UploadStatus = "waiting" | "uploading" | "done" | "duplicate" | "refused" | "cancelled";

/**
 * Why a file was refused: before it started (`empty`, `too_large`), by the server (`server`, with
 * its message in the user's language), or because the request itself failed (`network`, `failed`).
 */
export type RefusalReason = "empty" | "too_large" | "server" | "network" | "failed";

export type UploadItem = {
  id: string;
  name: string;
  size: number;
  status: UploadStatus;
  /** 0–100, whole numbers. */
  percent: number;
  reason?: RefusalReason;
  /** The server's own text (reason `server`) or the HTTP status (reason `failed`). */
  message?: string;
  documents?: UploadedDocument[];
};

export type QueueState = { items: UploadItem[] };

export type QueueAction =
  | { type: "add"; files: { id: string; name: string; size: number }[]; maxBytes: number }
  | { type: "start"; id: string }
  | { type: "progress"; id: string; loaded: number; total: number }
  | { type: "done"; id: string; documents: UploadedDocument[]; duplicate: boolean }
  | { type: "refused"; id: string; reason: RefusalReason; message?: string }
  | { type: "cancel"; id: string }
  | { type: "clear" };

export const emptyQueue: QueueState = { items: [] };

const FINISHED: ReadonlySet<UploadStatus> = new Set(["done", "duplicate", "refused", "cancelled"]);

export const isFinished = (item: UploadItem) => FINISHED.has(item.status);

/** The verdict on a file before any byte is sent: an empty file or one over the limit never starts. */
export function refusalBeforeStart(size: number, maxBytes: number): RefusalReason | undefined {
  if (size <= 0) return "empty";
  if (size > maxBytes) return "too_large";
  return undefined;
}

function update(state: QueueState, id: string, change: (item: UploadItem) => UploadItem): QueueState {
  let changed = false;
  const items = state.items.map((item) => {
    if (item.id !== id) return item;
    const next = change(item);
    if (next !== item) changed = true;
    return next;
  });
  // The same object when nothing changed, so React skips the render (progress events are many).
  return changed ? { items } : state;
}

export function queueReducer(state: QueueState, action: QueueAction): QueueState {
  switch (action.type) {
    case "add": {
      const added = action.files.map((file): UploadItem => {
        const reason = refusalBeforeStart(file.size, action.maxBytes);
        return { ...file, percent: 0, ...(reason ? { status: "refused", reason } : { status: "waiting" }) };
      });
      return { items: [...state.items, ...added] };
    }
    case "start":
      return update(state, action.id, (item) =>
        item.status === "waiting" ? { ...item, status: "uploading", percent: 0 } : item,
      );
    case "progress":
      return update(state, action.id, (item) => {
        if (item.status !== "uploading" || action.total <= 0) return item;
        const percent = Math.min(100, Math.max(0, Math.floor((action.loaded / action.total) * 100)));
        return percent === item.percent ? item : { ...item, percent };
      });
    case "done":
      return update(state, action.id, (item) =>
        item.status === "uploading"
          ? { ...item, status: action.duplicate ? "duplicate" : "done", percent: 100, documents: action.documents }
          : item,
      );
    case "refused":
      return update(state, action.id, (item) =>
        item.status === "uploading" || item.status === "waiting"
          ? { ...item, status: "refused", reason: action.reason, message: action.message }
          : item,
      );
    case "cancel":
      return update(state, action.id, (item) =>
        item.status === "uploading" || item.status === "waiting" ? { ...item, status: "cancelled" } : item,
      );
    case "clear":
      return state.items.some(isFinished) ? { items: state.items.filter((item) => !isFinished(item)) } : state;
  }
}

/** The waiting files to start now, oldest first, so that at most `limit` are uploading. */
export function toStart(state: QueueState, limit = MAX_PARALLEL): UploadItem[] {
  const uploading = state.items.filter((item) => item.status === "uploading").length;
  const free = Math.max(0, limit - uploading);
  return state.items.filter((item) => item.status === "waiting").slice(0, free);
}

export type QueueSummary = {
  total: number;
  waiting: number;
  uploading: number;
  done: number;
  duplicate: number;
  refused: number;
  cancelled: number;
  /** Nothing waits or travels. */
  idle: boolean;
};

export function summarize(state: QueueState): QueueSummary {
  const count = (status: UploadStatus) => state.items.filter((item) => item.status === status).length;
  const summary = {
    total: state.items.length,
    waiting: count("waiting"),
    uploading: count("uploading"),
    done: count("done"),
    duplicate: count("duplicate"),
    refused: count("refused"),
    cancelled: count("cancelled"),
  };
  return { ...summary, idle: summary.waiting === 0 && summary.uploading === 0 };
}

type SizeUnit = "B" | "KB" | "MB" | "GB";
const SIZE_UNITS: SizeUnit[] = ["KB", "MB", "GB"];

/** A size in the unit that keeps the number short, in binary units (25 MB = 25 × 1024² bytes). */
export function sizeParts(bytes: number): { value: number; unit: SizeUnit } {
  let value = Math.max(0, Math.round(bytes));
  let unit: SizeUnit = "B";
  for (const next of SIZE_UNITS) {
    // Rounded the way it is shown: 1023.96 KB reads "1 MB", never "1024 KB".
    if (shown(value, unit) < 1024) break;
    value /= 1024;
    unit = next;
  }
  return { value: shown(value, unit), unit };
}

/** One decimal below 10 (1.5 MB), none above (25 MB, 312 KB); bytes are whole. */
const shown = (value: number, unit: SizeUnit) =>
  unit === "B" || value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;

/**
 * What the endpoint's answer means for the file: stored (or found to be a duplicate), or refused
 * with the server's message, which is already in the user's language. A body that is not the
 * contract's JSON (a proxy's HTML error page) falls back to the status code.
 */
export function readAnswer(
  status: number,
  body: string,
):
  | { type: "done"; documents: UploadedDocument[]; duplicate: boolean }
  | { type: "refused"; reason: RefusalReason; message?: string } {
  if (status === 0) return { type: "refused", reason: "network" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  const answer = (typeof parsed === "object" && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (status >= 200 && status < 300 && Array.isArray(answer.documents))
    return { type: "done", documents: answer.documents as UploadedDocument[], duplicate: answer.duplicate === true };
  if (status >= 400 && typeof answer.message === "string" && answer.message.trim())
    return { type: "refused", reason: "server", message: answer.message };
  // A reverse proxy's own limit answers 413 without the contract's body.
  if (status === 413) return { type: "refused", reason: "too_large" };
  return { type: "refused", reason: "failed", message: String(status) };
}
