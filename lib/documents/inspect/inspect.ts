import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";
import { ALLOWED_TYPES, type AllowedKind } from "./allowed";
import { extensionOf } from "./display-name";
import { inspectOfficeZip } from "./office";

export { displayName } from "./display-name";

export type InspectRefusal = "empty" | "type_not_allowed" | "macros" | "broken";

export type InspectResult =
  { ok: true; mime: string; kind: AllowedKind; ext: string } | { ok: false; reason: InspectRefusal };

/** How much of the start of a text file is looked at for markup. */
const TEXT_MARKUP_WINDOW = 64 * 1024;
const PDF_MARKUP_WINDOW = 1024;

/** Markup that a browser or viewer could run, refused inside the head of a PDF (polyglots). */
const PDF_MARKUP = ["<html", "<script", "<!doctype", "<svg", "<body", "<iframe"];
/** Markup refused anywhere in the head of a text file. */
const TEXT_MARKUP = ["<script", "<html", "<svg", "<?xml", "<!doctype", "<body", "<iframe", "<?php"];

/** Binary types file-type may report that we accept, by its MIME type. */
const BINARY_KINDS: Record<string, AllowedKind> = {
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/heic": "heic",
  "image/heif": "heif",
};

/** Formats written in text that are not plain text: refused even when they are clean UTF-8. */
const TEXT_FORMATS = new Set(["rtf", "xml", "ps", "eps", "reg", "ics", "vcf"]);

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function accepted(kind: AllowedKind): InspectResult {
  return { ok: true, kind, mime: ALLOWED_TYPES[kind].mime, ext: ALLOWED_TYPES[kind].ext };
}

async function readHead(filePath: string, length: number): Promise<Buffer> {
  const handle = await open(filePath, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Whether the whole file is UTF-8 without NUL bytes; streamed, so any size costs one chunk. */
async function isCleanUtf8(filePath: string): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of createReadStream(filePath, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
      if (chunk.includes(0)) return false;
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

/** Text that is not markup: it does not open with a tag and has no active markup near the start. */
function looksLikeMarkup(head: Buffer): boolean {
  // A multi-byte character cut at the window's end decodes to U+FFFD: harmless here.
  const text = head.toString("utf8").toLowerCase();
  if (
    text
      .replace(/^\uFEFF/, "")
      .trimStart()
      .startsWith("<")
  )
    return true;
  return TEXT_MARKUP.some((tag) => text.includes(tag));
}

/** Text is CSV or plain by the extension the user gave: a label only, both are accepted. */
function textKind(originalName: string): AllowedKind {
  return extensionOf(originalName) === "csv" ? "csv" : "txt";
}

/**
 * What an uploaded file is, decided by its bytes alone (never its name or the browser's claim),
 * or why it is refused. The name only labels text as CSV or plain text.
 */
export async function inspectFile(filePath: string, originalName: string): Promise<InspectResult> {
  const { size } = await stat(filePath);
  if (size === 0) return { ok: false, reason: "empty" };
  const head = await readHead(filePath, TEXT_MARKUP_WINDOW);

  if (head.subarray(0, 5).toString("latin1") === "%PDF-") {
    const start = head.subarray(0, PDF_MARKUP_WINDOW).toString("latin1").toLowerCase();
    if (PDF_MARKUP.some((tag) => start.includes(tag))) return { ok: false, reason: "type_not_allowed" };
    return accepted("pdf");
  }

  if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
    const verdict = await inspectOfficeZip(filePath);
    return verdict.ok ? accepted(verdict.kind) : verdict;
  }

  const detected = await fileTypeFromFile(filePath).catch(() => undefined);
  const binaryKind = detected && BINARY_KINDS[detected.mime];
  if (binaryKind) return accepted(binaryKind);
  if (detected && TEXT_FORMATS.has(detected.ext)) return { ok: false, reason: "type_not_allowed" };

  // Some magic numbers are two or three letters ("BM", "ID3", "FORM"): a CSV starting "BMW;" is
  // text. A real file of such a type has NUL bytes or invalid UTF-8, so the text rules refuse it.
  if (!(await isCleanUtf8(filePath)) || looksLikeMarkup(head)) return { ok: false, reason: "type_not_allowed" };
  return accepted(textKind(originalName));
}
