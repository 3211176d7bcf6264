/**
 * How a document can be shown in the page: PDFs page by page, JPEG and PNG as an image; anything
 * else (HEIC, Word, spreadsheets) only through its download button. Import-free, so server pages
 * can decide what to render without loading the viewer.
 */
export type PreviewKind = "pdf" | "image";

const KINDS: Record<string, PreviewKind> = {
  "application/pdf": "pdf",
  "image/jpeg": "image",
  "image/png": "image",
};

export function previewKind(mime: string): PreviewKind | undefined {
  // Parameters (`; charset=…`) and case do not change the type.
  return KINDS[mime.split(";")[0]?.trim().toLowerCase() ?? ""];
}
