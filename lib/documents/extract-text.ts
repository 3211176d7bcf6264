import { createReadStream } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { kindOfMime } from "@/lib/documents/inspect/allowed";
import { BrokenZipError, streamEntry, walkZip } from "@/lib/documents/inspect/zip";
import { XmlTextCollector } from "./extract-text-xml";

/** Longest text kept for search; the rest of a long document is not indexed. */
export const MAX_TEXT_CHARS = 200_000;
export const MAX_PDF_PAGES = 200;
/** A PDF that takes longer than this to read yields what was read so far. */
export const PDF_TIME_BUDGET_MS = 20_000;
/** The most an XML part is inflated while looking for text (a bigger one is read up to here). */
const MAX_XML_BYTES = 64 * 1024 * 1024;

/** The one XML part of each office format that holds its text. */
const XML_PART = { docx: "word/document.xml", xlsx: "xl/sharedStrings.xml", odt: "content.xml", ods: "content.xml" };

/** Blank runs squeezed, lines trimmed, at most MAX_TEXT_CHARS. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{2,}/g, "\n")
    .trim()
    .slice(0, MAX_TEXT_CHARS);
}

async function textOfPlain(filePath: string): Promise<string> {
  const decoder = new TextDecoder("utf-8");
  let text = "";
  // Four bytes at most per character: this many bytes always hold the first MAX_TEXT_CHARS.
  const stream = createReadStream(filePath, { end: MAX_TEXT_CHARS * 4 - 1, highWaterMark: 64 * 1024 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    text += decoder.decode(chunk, { stream: true });
    if (text.length >= MAX_TEXT_CHARS * 2) break;
  }
  stream.destroy();
  return tidy(text.replace(/^\uFEFF/, ""));
}

async function textOfOffice(filePath: string, part: string): Promise<string | null> {
  const collector = new XmlTextCollector(MAX_TEXT_CHARS);
  let found = false;
  await walkZip(filePath, async (entry, zip) => {
    if (entry.fileName !== part) return true;
    found = true;
    await streamEntry(zip, entry, MAX_XML_BYTES, (chunk) => collector.feed(chunk), { truncate: true });
    return false;
  });
  return found ? tidy(collector.text()) : null;
}

function pdfjsAssets(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
    return { cMapUrl: join(root, "cmaps") + "/", standardFontDataUrl: join(root, "standard_fonts") + "/" };
  } catch {
    return {};
  }
}

async function textOfPdf(filePath: string): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({
    url: pathToFileURL(filePath).href,
    ...pdfjsAssets(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const deadline = Date.now() + PDF_TIME_BUDGET_MS;
  let text = "";
  try {
    const document = await task.promise;
    const pages = Math.min(document.numPages, MAX_PDF_PAGES);
    for (let number = 1; number <= pages && text.length < MAX_TEXT_CHARS && Date.now() < deadline; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
      }
      text += "\n\n";
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  return tidy(text);
}

/**
 * The text of an accepted upload for search, or null when it has none we can read (images, an
 * encrypted or damaged PDF, an office file without its text part). At most MAX_TEXT_CHARS.
 * PDF parsing is CPU work on this thread: call it from a job, not while answering a request.
 */
export async function extractText(filePath: string, mime: string): Promise<string | null> {
  const kind = kindOfMime(mime);
  try {
    switch (kind) {
      case "txt":
      case "csv":
        return await textOfPlain(filePath);
      case "docx":
      case "xlsx":
      case "odt":
      case "ods":
        return await textOfOffice(filePath, XML_PART[kind]);
      case "pdf":
        return await textOfPdf(filePath);
      default:
        return null;
    }
  } catch (error) {
    // A damaged or encrypted document has no text for us; a failing disk is the caller's problem.
    if (kind === "pdf" || error instanceof BrokenZipError) return null;
    throw error;
  }
}
