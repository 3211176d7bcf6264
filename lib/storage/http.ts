import { Readable } from "node:stream";
import type { ObjectRange } from "./types";

/**
 * Serving stored files over HTTP: Range requests (RFC 9110 §14), a safe Content-Disposition
 * (RFC 6266 with RFC 8187's `filename*`), and the answer itself, streamed. No settings, no
 * database: route handlers bring the object, its size and its metadata.
 */

export type RangeRequest = { kind: "none" } | { kind: "range"; start: number; end: number } | { kind: "unsatisfiable" };

const NONE = { kind: "none" } as const;
const UNSATISFIABLE = { kind: "unsatisfiable" } as const;

/**
 * The byte range a `Range` header asks of an object of `size` bytes. One range only: several
 * ranges (multipart/byteranges), other units and bad syntax are ignored (serve the whole object,
 * as RFC 9110 allows); a range that starts at or past the end is unsatisfiable (416).
 */
export function parseRange(header: string | null, size: number): RangeRequest {
  if (!header) return NONE;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return NONE;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return NONE;
  if (first === "") {
    // A suffix: the last n bytes, all of them if the object is shorter.
    const length = Number(last);
    if (length === 0 || size === 0) return UNSATISFIABLE;
    return { kind: "range", start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? Number.POSITIVE_INFINITY : Number(last);
  if (end < start) return NONE;
  if (start >= size) return UNSATISFIABLE;
  return { kind: "range", start, end: Math.min(end, size - 1) };
}

/** Longest file name offered to the browser, in characters, extension included. */
const MAX_NAME_LENGTH = 200;
const FALLBACK_NAME = "file";

// C0 and C1 controls, DEL, bidirectional marks, embeddings, overrides and isolates, zero-width
// characters and the byte-order mark, line and paragraph separators.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The uploader's file name, made harmless: no controls, bidi tricks or folders, at most 200 characters. */
export function safeFileName(fileName: unknown): string {
  const name = String(fileName ?? "")
    .replace(LONE_SURROGATE, "\ufffd")
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(/[/\\]/g, "")
    .replace(/\s+/gu, " ")
    // No hidden files, and nothing a desktop would strip anyway.
    .replace(/^[\s.]+|[\s.]+$/gu, "");
  return truncateName(name) || FALLBACK_NAME;
}

/** Cuts a name to MAX_NAME_LENGTH characters (code points), keeping a short extension. */
function truncateName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length < 2 || extension.length > 16 || extension.includes(" ")) {
    return chars.slice(0, MAX_NAME_LENGTH).join("").trimEnd();
  }
  const stem = chars
    .slice(0, MAX_NAME_LENGTH - extension.length)
    .join("")
    .trimEnd();
  return stem + extension.join("");
}

/** RFC 8187 value-chars: what encodeURIComponent leaves alone, minus ' ( ) * which must be encoded. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Content-Disposition header for `fileName`: an ASCII `filename` for old clients (other letters
 * become `_`; quotes, backslashes and percent signs are dropped) and the real name, UTF-8 encoded,
 * in `filename*`. Never throws, whatever the name holds.
 */
export function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  const name = safeFileName(fileName);
  const ascii =
    Array.from(name, (c) => (c >= " " && c <= "~" ? c : "_"))
      .join("")
      .replace(/["\\%]/g, "")
      .trim() || FALLBACK_NAME;
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(name)}`;
}

/**
 * A web stream for a Response body that reads `readable` only as fast as the client takes it and
 * destroys it when the client goes away (cancel), so the file or S3 connection is released.
 */
export function nodeToWebStream(readable: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(readable) as unknown as ReadableStream<Uint8Array>;
}

/** A served file may never run script or load anything in our origin. */
export const INLINE_FILE_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/** `type/subtype` in lower case, parameters dropped; anything else is served as bytes. */
function safeMime(mime: string | null | undefined): string {
  const value = (mime ?? "").split(";")[0]!.trim().toLowerCase();
  return MIME.test(value) ? value : "application/octet-stream";
}

function baseHeaders(): Headers {
  return new Headers({
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
  });
}

export interface FileResponseInit {
  stream: Readable | ReadableStream<Uint8Array>;
  /** Bytes in the whole object. */
  size: number;
  /** The part being served (from parseRange), or null/undefined for the whole object. */
  range?: ObjectRange | null;
  mime: string;
  fileName: string;
  disposition: "attachment" | "inline";
  /** An opaque validator, e.g. the file's SHA-256; sent quoted. */
  etag?: string;
}

/** 200 with the whole object, or 206 with the range; headers safe for any file a user uploaded. */
export function fileResponse(init: FileResponseInit): Response {
  const headers = baseHeaders();
  headers.set("Content-Type", safeMime(init.mime));
  headers.set("Content-Disposition", contentDisposition(init.disposition, init.fileName));
  if (init.disposition === "inline") headers.set("Content-Security-Policy", INLINE_FILE_CSP);
  if (init.etag) headers.set("ETag", `"${init.etag.replace(/[^\x21\x23-\x7e]/g, "")}"`);
  const body = init.stream instanceof Readable ? nodeToWebStream(init.stream) : init.stream;
  if (!init.range) {
    headers.set("Content-Length", String(init.size));
    return new Response(body, { status: 200, headers });
  }
  const { start, end } = init.range;
  headers.set("Content-Length", String(end - start + 1));
  headers.set("Content-Range", `bytes ${start}-${end}/${init.size}`);
  return new Response(body, { status: 206, headers });
}

/** 416 for a range past the end, telling the client the object's size. */
export function rangeNotSatisfiable(size: number): Response {
  const headers = baseHeaders();
  headers.set("Content-Range", `bytes */${size}`);
  return new Response(null, { status: 416, headers });
}
