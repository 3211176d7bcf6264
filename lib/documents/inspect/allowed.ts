// The file types an upload may be, decided by content (./inspect.ts). Import-free: the upload form
// reads the `accept` string and the label from here.

export const ALLOWED_TYPES = {
  pdf: { mime: "application/pdf", ext: "pdf", extensions: ["pdf"] },
  jpeg: { mime: "image/jpeg", ext: "jpg", extensions: ["jpg", "jpeg", "jpe", "jfif"] },
  png: { mime: "image/png", ext: "png", extensions: ["png"] },
  heic: { mime: "image/heic", ext: "heic", extensions: ["heic", "heif", "hif"] },
  heif: { mime: "image/heif", ext: "heif", extensions: ["heif", "heic", "hif"] },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ext: "docx",
    extensions: ["docx"],
  },
  xlsx: {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ext: "xlsx",
    extensions: ["xlsx"],
  },
  odt: { mime: "application/vnd.oasis.opendocument.text", ext: "odt", extensions: ["odt"] },
  ods: { mime: "application/vnd.oasis.opendocument.spreadsheet", ext: "ods", extensions: ["ods"] },
  txt: { mime: "text/plain", ext: "txt", extensions: ["txt", "text"] },
  csv: { mime: "text/csv", ext: "csv", extensions: ["csv"] },
} as const;

export type AllowedKind = keyof typeof ALLOWED_TYPES;

export const ALLOWED_KINDS = Object.keys(ALLOWED_TYPES) as AllowedKind[];

/** Every MIME type an accepted upload can be stored with. */
export const ALLOWED_MIME_TYPES: readonly string[] = ALLOWED_KINDS.map((kind) => ALLOWED_TYPES[kind].mime);

/** What the refusal message lists; the same in every language. */
export const ALLOWED_TYPES_LABEL = "PDF, JPEG, PNG, HEIC, Word, Excel, OpenDocument, TXT, CSV";

/**
 * For `<input type="file" accept>`: extensions as well as MIME types, because browsers report no
 * type (or a wrong one) for HEIC, CSV and OpenDocument files. Only a hint: the server decides.
 */
export const ACCEPT_ATTRIBUTE = [
  ...new Set(ALLOWED_KINDS.flatMap((kind) => ALLOWED_TYPES[kind].extensions.map((ext) => `.${ext}`))),
  ...new Set(ALLOWED_MIME_TYPES),
].join(",");

/** The kind a stored MIME type belongs to, or null for anything not on the list. */
export function kindOfMime(mime: string): AllowedKind | null {
  const bare = (mime.split(";")[0] ?? "").trim().toLowerCase();
  return ALLOWED_KINDS.find((kind) => ALLOWED_TYPES[kind].mime === bare) ?? null;
}
