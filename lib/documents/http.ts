import type { ActionContext, ActionResult } from "@/lib/actions/define-action";
import { maintenanceGate } from "@/lib/auth/maintenance-gate";
import { env } from "@/lib/env";
import { translator } from "@/lib/i18n/messages";
import { ALLOWED_TYPES_LABEL } from "@/lib/documents/inspect/allowed";
import { displayName, inspectFile } from "@/lib/documents/inspect/inspect";
import { scanFile } from "@/lib/documents/scan/clamd";
import { getStorage, newObjectKey } from "@/lib/storage";
import { fileResponse, parseRange, rangeNotSatisfiable } from "@/lib/storage/http";
import { commitVersion } from "./actions/add-version";
import { downloadDocumentFile, viewDocumentFile } from "./actions/open";
import { recordUploadRefusal } from "./actions/refuse";
import { commitUpload } from "./actions/upload";
import { documentFileLoader, uploadTargetLoader } from "./queries";
import { discard, receiveMultipart, type ReceivedFile } from "./receive";
import { uploadFieldsSchema, type StoredFile } from "./schemas";
import { MIB } from "./storage-quota";

/** The error names of the documents API (`{error, message}`), with their HTTP status. */
const ERRORS = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  file_too_large: 413,
  quota_exceeded: 413,
  file_type_not_allowed: 415,
  infected: 422,
  unavailable: 503,
  internal: 500,
} as const;
type ErrorName = keyof typeof ERRORS;

/** Files one request may carry. */
export const MAX_FILES_PER_UPLOAD = 10;
/** Room for multipart headers and fields beyond the files themselves. */
const MULTIPART_OVERHEAD = 64 * 1024;

function problem(ctx: ActionContext, error: ErrorName, messageKey: string, values?: Record<string, string | number>) {
  const t = translator(ctx.locale);
  return Response.json(
    { error, message: t(`errors.${messageKey}` as never, values as never), requestId: ctx.meta.requestId },
    { status: ERRORS[error], headers: { "cache-control": "no-store" } },
  );
}

function fromAction(ctx: ActionContext, result: Extract<ActionResult<unknown>, { ok: false }>): Response {
  const { code, message, fieldErrors, requestId } = result.error;
  const error: ErrorName =
    result.error.key === "quota_exceeded"
      ? "quota_exceeded"
      : code === "invalid_input"
        ? "invalid_request"
        : code === "rate_limited" || code === "locked"
          ? "forbidden"
          : (code as ErrorName);
  return Response.json(
    { error, message, fieldErrors, requestId },
    { status: ERRORS[error] ?? 400, headers: { "cache-control": "no-store" } },
  );
}

/**
 * An upload (DOC-2), for the web and the API alike: authorised before a byte is read, refused early
 * when the declared size cannot fit the size limit or the quota, streamed to temporary files with
 * SHA-256, decided by content, scanned, stored under generated keys, then recorded by the change
 * path (quota final check, audit) — and on any refusal or failure nothing remains: no row, no
 * object, no temporary file, quota unchanged.
 */
export async function handleUpload(
  request: Request,
  ctx: ActionContext,
  target: { partnerId?: string; documentId?: string },
): Promise<Response> {
  const closed = await uploadGate(request);
  if (closed) return closed;
  const maxBytes = env().UPLOAD_MAX_MB * MIB;
  const allowed = await uploadTargetLoader.run(target, { session: ctx.session, meta: ctx.meta });
  if (!allowed.ok) {
    if (allowed.code === "unauthenticated" || allowed.code === "registration_pending")
      return problem(ctx, "unauthenticated", "unauthenticated");
    return problem(ctx, allowed.code === "invalid_input" ? "invalid_request" : "not_found", allowed.code);
  }
  const { partnerId, remainingBytes } = allowed.data;
  const refuse = async (
    error: ErrorName,
    messageKey: string,
    details: { reason: string; fileName?: string; size?: number; signature?: string },
    values?: Record<string, string | number>,
  ) => {
    await recordUploadRefusal.run({ ...details, partnerId }, ctx);
    return problem(ctx, error, messageKey, values);
  };
  const limitValues = { max: env().UPLOAD_MAX_MB };

  const declared = Number(request.headers.get("content-length") ?? NaN);
  const single = Boolean(target.documentId);
  if (Number.isFinite(declared)) {
    const most = (single ? 1 : MAX_FILES_PER_UPLOAD) * maxBytes + MULTIPART_OVERHEAD;
    if (declared > most)
      return refuse("file_too_large", "file_too_large", { reason: "too_large", size: declared }, limitValues);
    if (declared - MULTIPART_OVERHEAD > remainingBytes)
      return refuse("quota_exceeded", "quota_exceeded", { reason: "quota", size: declared });
  }

  const received = await receiveMultipart(request, {
    maxFileBytes: maxBytes,
    maxFiles: single ? 1 : MAX_FILES_PER_UPLOAD,
  });
  if (!received.ok) {
    switch (received.reason) {
      case "too_large":
        return refuse(
          "file_too_large",
          "file_too_large",
          { reason: "too_large", fileName: received.fileName },
          limitValues,
        );
      case "too_many_files":
        return problem(ctx, "invalid_request", "too_many_files", { max: single ? 1 : MAX_FILES_PER_UPLOAD });
      case "no_file":
        return problem(ctx, "invalid_request", "upload_no_file");
      case "aborted":
        return problem(ctx, "invalid_request", "upload_interrupted");
      default:
        return problem(ctx, "invalid_request", "upload_malformed");
    }
  }
  const stored: string[] = [];
  try {
    return await storeAndCommit(received.files, received.fields);
  } finally {
    await discard(received.files);
  }

  async function storeAndCommit(files: ReceivedFile[], rawFields: Record<string, string>): Promise<Response> {
    const fields = uploadFieldsSchema.safeParse(rawFields);
    if (!fields.success) return problem(ctx, "invalid_request", "invalid_input");
    if (!single && !fields.data.category) return problem(ctx, "invalid_request", "document_category_required");
    const total = files.reduce((sum, f) => sum + f.size, 0);
    if (total > remainingBytes) return refuse("quota_exceeded", "quota_exceeded", { reason: "quota", size: total });

    // Every file is judged before any is stored: one refusal refuses the whole upload.
    const judged: { file: ReceivedFile; mime: string; scanStatus: StoredFile["scanStatus"] }[] = [];
    for (const file of files) {
      const verdict = await inspectFile(file.tempPath, file.originalName);
      if (!verdict.ok) {
        const details = { reason: verdict.reason, fileName: displayName(file.originalName, ""), size: file.size };
        return verdict.reason === "empty"
          ? refuse("invalid_request", "file_empty", details)
          : refuse("file_type_not_allowed", "file_type_not_allowed", details, { types: ALLOWED_TYPES_LABEL });
      }
      let scanStatus: StoredFile["scanStatus"] = "NOT_SCANNED";
      const clamav = env().CLAMAV_URL;
      if (clamav) {
        try {
          const scan = await scanFile(file.tempPath, clamav);
          if (scan.status === "infected") {
            return refuse("infected", "file_infected", {
              reason: "infected",
              fileName: displayName(file.originalName, verdict.mime),
              size: file.size,
              signature: scan.signature,
            });
          }
          scanStatus = "CLEAN";
        } catch (error) {
          // The scanner is unreachable now: the version waits for the scan job, visible to its uploader only.
          console.warn(`[documents] scan at upload failed, left to the scan job: ${(error as Error).message}`);
          scanStatus = "PENDING";
        }
      }
      judged.push({ file, mime: verdict.mime, scanStatus });
    }

    const described: StoredFile[] = [];
    try {
      for (const { file, mime, scanStatus } of judged) {
        const storageKey = newObjectKey(partnerId);
        stored.push(storageKey);
        await getStorage().putFile(storageKey, file.tempPath, { contentType: mime, move: true });
        described.push({
          storageKey,
          originalName: displayName(file.originalName, mime),
          mime,
          size: file.size,
          sha256: file.sha256,
          scanStatus,
        });
      }
    } catch (error) {
      await Promise.allSettled(stored.map((key) => getStorage().delete(key)));
      throw error;
    }

    const committed = target.documentId
      ? commitVersion.run({ documentId: target.documentId, file: described[0] }, ctx)
      : commitUpload.run(
          {
            partnerId,
            category: fields.data.category,
            title: fields.data.title,
            description: fields.data.description,
            period: fields.data.period,
            files: described,
          },
          ctx,
        );
    const result = await committed.catch(async (error: unknown) => {
      await Promise.allSettled(stored.map((key) => getStorage().delete(key)));
      throw error;
    });
    if (result.ok) {
      return Response.json(
        { documents: result.data.documents },
        { status: 201, headers: { "cache-control": "no-store" } },
      );
    }
    await Promise.allSettled(stored.map((key) => getStorage().delete(key)));
    if (result.error.key === "document_duplicate") {
      return Response.json(
        { documents: [], duplicate: true, message: result.error.message },
        { status: 200, headers: { "cache-control": "no-store" } },
      );
    }
    return fromAction(ctx, result);
  }
}

/**
 * A document's file, streamed through the app (DOC-6): the first request of an opening (no Range,
 * or one from byte 0) is authorised and recorded — audit row, read receipt — before a byte leaves;
 * the further ranges a PDF viewer asks for are authorised the same way without a new record.
 * Only PDF and images are ever shown inline, and then sandboxed.
 */
export async function handleDownload(
  request: Request,
  ctx: ActionContext,
  target: { documentId: string; versionId?: string; inline: boolean },
): Promise<Response> {
  const rangeHeader = request.headers.get("range");
  const continuing = rangeHeader !== null && !/^bytes=0-/.test(rangeHeader.trim());
  const input = { documentId: target.documentId, versionId: target.versionId };
  let file: { storageKey: string; originalName: string; mime: string; size: number; sha256: string };
  if (continuing) {
    const read = await documentFileLoader.run(input, { session: ctx.session, meta: ctx.meta });
    if (!read.ok) return notFoundResponse(read.code === "unauthenticated" ? 401 : 404);
    file = read.data;
  } else {
    const opened = await (target.inline ? viewDocumentFile : downloadDocumentFile).run(input, ctx);
    if (!opened.ok) return notFoundResponse(opened.error.code === "unauthenticated" ? 401 : 404);
    file = opened.data;
  }
  const range = parseRange(rangeHeader, file.size);
  if (range.kind === "unsatisfiable") return rangeNotSatisfiable(file.size);
  const part = range.kind === "range" ? { start: range.start, end: range.end } : undefined;
  const { stream } = await getStorage().get(file.storageKey, part);
  const inline = target.inline && INLINE_TYPES.has(file.mime);
  return fileResponse({
    stream,
    size: file.size,
    range: part,
    mime: file.mime,
    fileName: file.originalName,
    disposition: inline ? "inline" : "attachment",
    etag: `"${file.sha256}"`,
  });
}

/** Types a browser may show in place (sandboxed); everything else is a download. */
export const INLINE_TYPES = new Set(["application/pdf", "image/jpeg", "image/png"]);

function notFoundResponse(status: number): Response {
  return new Response(status === 401 ? "Unauthorized" : "Not found", {
    status,
    headers: { "cache-control": "no-store", "content-type": "text/plain; charset=utf-8" },
  });
}

/**
 * The maintenance gate for the upload routes, which the proxy leaves alone so that their bodies
 * stream (proxy.ts): the same decision, asked here before a byte is read.
 */
export async function uploadGate(request: Request): Promise<Response | null> {
  const cookies = new Map(
    (request.headers.get("cookie") ?? "")
      .split(";")
      .map((part) => part.trim().split("="))
      .filter((pair): pair is [string, string] => pair.length >= 2 && Boolean(pair[0]))
      .map(([name, ...value]) => [name, value.join("=")] as const),
  );
  try {
    return await maintenanceGate({
      pathname: new URL(request.url).pathname,
      cookie: (name) => cookies.get(name),
      header: (name) => request.headers.get(name),
    });
  } catch (error) {
    console.error("[maintenance] gate skipped:", error instanceof Error ? error.message : error);
    return null;
  }
}
