import type { ActionContext } from "@/lib/actions/define-action";
import { INLINE_TYPES } from "@/lib/documents/http";
import { getStorage } from "@/lib/storage";
import { fileResponse, parseRange, rangeNotSatisfiable } from "@/lib/storage/http";
import { downloadSharedFile, viewSharedFile, type SharedFile } from "./actions/open";
import { sharedFileLoader } from "./queries";
import { WATERMARK_MAX_BYTES } from "./rights";
import { watermarkPdf } from "./watermark";

/**
 * A shared document's file for its counterparty (DOC-4): every request — the first of an opening
 * recorded as `document.viewed`/`document.downloaded` in the Partner's chain, the further byte
 * ranges authorised by the same live-grant read — checks the grant of THAT document again, so a
 * revocation or expiry stops an open download at its next request. A watermarked PDF is stamped in
 * memory (so capped at WATERMARK_MAX_BYTES) and sent whole; everything else streams from storage.
 */
export async function handleSharedDownload(
  request: Request,
  ctx: ActionContext,
  target: { documentId: string; versionId?: string; inline: boolean },
): Promise<Response> {
  const rangeHeader = request.headers.get("range");
  const continuing = rangeHeader !== null && !/^bytes=0-/.test(rangeHeader.trim());
  const input = { documentId: target.documentId, versionId: target.versionId };
  let file: SharedFile;
  if (continuing) {
    const read = await sharedFileLoader.run(
      { ...input, download: !target.inline },
      { session: ctx.session, meta: ctx.meta },
    );
    if (!read.ok) return plain(read.code === "unauthenticated" ? 401 : 404);
    file = read.data;
  } else {
    const opened = await (target.inline ? viewSharedFile : downloadSharedFile).run(input, ctx);
    if (!opened.ok) return plain(opened.error.code === "unauthenticated" ? 401 : 404);
    file = opened.data;
  }
  const inline = target.inline && INLINE_TYPES.has(file.mime);
  const disposition = inline ? "inline" : "attachment";

  if (file.watermark && file.mime === "application/pdf") {
    if (file.size > WATERMARK_MAX_BYTES) return plain(413);
    const { stream } = await getStorage().get(file.storageKey);
    const bytes = await readAll(stream);
    const stamped = await watermarkPdf(bytes, {
      name: file.viewerName,
      phone: ctx.session?.phone ?? "",
      at: new Date(),
    });
    return fileResponse({
      stream: new Blob([new Uint8Array(stamped)]).stream(),
      size: stamped.byteLength,
      mime: file.mime,
      fileName: file.originalName,
      disposition,
    });
  }

  const range = parseRange(rangeHeader, file.size);
  if (range.kind === "unsatisfiable") return rangeNotSatisfiable(file.size);
  const part = range.kind === "range" ? { start: range.start, end: range.end } : undefined;
  const { stream } = await getStorage().get(file.storageKey, part);
  return fileResponse({
    stream,
    size: file.size,
    range: part,
    mime: file.mime,
    fileName: file.originalName,
    disposition,
    etag: `"${file.sha256}"`,
  });
}

async function readAll(stream: ReadableStream<Uint8Array> | NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function plain(status: number): Response {
  const text = status === 401 ? "Unauthorized" : status === 413 ? "Too large to watermark" : "Not found";
  return new Response(text, {
    status,
    headers: { "cache-control": "no-store", "content-type": "text/plain; charset=utf-8" },
  });
}
