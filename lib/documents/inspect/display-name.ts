// No imports but ./allowed (itself import-free): the upload form may show the name a file will get.
import { ALLOWED_TYPES, kindOfMime } from "./allowed";

export const MAX_DISPLAY_NAME = 200;
const FALLBACK = "document";

/**
 * Extensions that name a file type. One of these that does not match the detected type is
 * replaced; any other dotted tail ("Act 01.02", "ТОО Ромашка.Ltd") is kept and the right
 * extension appended, so the user's words survive and the last extension is always the true one.
 */
const KNOWN_EXTENSIONS = new Set([
  ...Object.values(ALLOWED_TYPES).flatMap((type) => [...type.extensions]),
  ...["exe", "dll", "com", "scr", "bat", "cmd", "ps1", "vbs", "vbe", "js", "mjs", "jse", "wsf", "hta", "msi", "lnk"],
  ...["sh", "bin", "elf", "app", "dmg", "jar", "class", "apk", "php", "phtml", "py", "pl", "rb", "cgi", "asp", "aspx"],
  ...["jsp", "html", "htm", "xhtml", "shtml", "svg", "svgz", "xml", "xsl", "mht", "mhtml", "swf"],
  ...[
    "doc",
    "dot",
    "docm",
    "dotx",
    "dotm",
    "xls",
    "xlt",
    "xlsm",
    "xlsb",
    "xltx",
    "xltm",
    "xlam",
    "ppt",
    "pptx",
    "pptm",
  ],
  ...["rtf", "odp", "odg", "ott", "ots", "md", "log", "json", "tsv", "ini", "cfg"],
  ...["zip", "rar", "7z", "gz", "tgz", "bz2", "xz", "tar", "cab", "iso", "img"],
  ...["gif", "webp", "tif", "tiff", "bmp", "ico", "avif", "psd", "ai", "eps", "ps"],
]);

/** Device names Windows will not open as files, whatever the extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

// C0 and C1 controls, DEL; bidi embeddings, overrides and isolates; LRM, RLM, ALM.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/** Characters Windows refuses in names; slashes are gone already. */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;

/** Splits "a.b.pdf" into ["a.b", "pdf"] when the tail is a known extension, else [name, ""]. */
function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return [name, ""];
  const ext = name.slice(dot + 1).toLowerCase();
  return KNOWN_EXTENSIONS.has(ext) ? [name.slice(0, dot), ext] : [name, ""];
}

/** The extension of a name the user gave, lower case, or "" (used to tell CSV from plain text). */
export function extensionOf(originalName: string): string {
  return splitExtension(cleanBase(originalName))[1];
}

/** The last path segment, without invisible characters and edge dots or spaces. */
function cleanBase(originalName: string): string {
  const segments = originalName.normalize("NFC").replace(INVISIBLE, "").split(/[/\\]/);
  return (segments.at(-1) ?? "")
    .replace(WINDOWS_FORBIDDEN, "_")
    .replace(/^[\s.]+|[\s.]+$/g, "")
    .replace(/\s+/g, " ");
}

/**
 * The name shown to users and given to downloads: the last path segment, without control and
 * bidi characters (so "invoice\u202Efdp.exe" cannot pose as a PDF), at most 200 characters, and
 * ending in the extension of the type found in its bytes: a wrong known extension is replaced
 * ("report.jpg" holding a PNG becomes "report.png"), anything else gets it appended.
 */
export function displayName(originalName: string, mime: string): string {
  const kind = kindOfMime(mime);
  const [rawBase, ext] = splitExtension(cleanBase(originalName));
  const right = kind ? ALLOWED_TYPES[kind] : null;
  const finalExt = right ? ((right.extensions as readonly string[]).includes(ext) ? ext : right.ext) : ext;

  let base = rawBase.replace(/[\s.]+$/, "");
  if (WINDOWS_RESERVED.test(base.split(".")[0] ?? "")) base = `_${base}`;
  const room = MAX_DISPLAY_NAME - (finalExt ? finalExt.length + 1 : 0);
  const chars = Array.from(base);
  if (chars.length > room)
    base = chars
      .slice(0, room)
      .join("")
      .replace(/[\s.]+$/, "");
  if (!base) base = FALLBACK;
  return finalExt ? `${base}.${finalExt}` : base;
}
