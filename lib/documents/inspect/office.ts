import type { AllowedKind } from "./allowed";
import { BrokenZipError, entryContains, readEntry, walkZip } from "./zip";

export type OfficeVerdict =
  { ok: true; kind: AllowedKind } | { ok: false; reason: "type_not_allowed" | "macros" | "broken" };

const CONTENT_TYPES_MAX = 1024 * 1024;
const MIMETYPE_MAX = 256;
/** OpenDocument XML parts are scanned (streamed) for macro bindings up to this many bytes each. */
const ODF_SCAN_MAX = 64 * 1024 * 1024;

const OOXML_MAIN: Record<string, { kind: AllowedKind; folder: string }> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": { kind: "docx", folder: "word/" },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": { kind: "xlsx", folder: "xl/" },
};

const ODF_MIMETYPES: Record<string, AllowedKind> = {
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
};

/** Content types of code in an OOXML package: VBA, macro-enabled main parts, Excel 4 macro sheets, ActiveX. */
const OOXML_CODE_TYPE = /macroenabled|vbaproject|vbadata|macrosheet|activex/i;
/** Parts that carry code, whatever [Content_Types].xml says. */
const OOXML_CODE_PART =
  /(^|\/)(vbaproject\.bin|vbaprojectsignature[^/]*\.bin|vbadata\.xml)$|(^|\/)(activex|macrosheets|intlmacrosheets)\//i;
/** Where OpenDocument keeps macros and scripts. */
const ODF_CODE_PART = /^(basic|scripts)\//i;
/** Bindings of events to macros or scripts inside OpenDocument XML. */
const ODF_CODE_NEEDLES = ["<script:event-listener", "vnd.sun.star.script:", "macro://", "vnd.sun.star.basic:"];
const ODF_XML_PARTS = new Set(["content.xml", "styles.xml", "settings.xml"]);

/** The part names and content types in [Content_Types].xml (Override and Default elements). */
function contentTypes(xml: string): { part: string; type: string }[] {
  const found: { part: string; type: string }[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?(Override|Default)\b([^>]*)>/g)) {
    const attrs = match[2] ?? "";
    const type = /\bContentType\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1] ?? "";
    const part = /\b(?:PartName|Extension)\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1] ?? "";
    found.push({ part: part.replace(/^\//, ""), type: type.trim() });
  }
  return found;
}

/**
 * What a ZIP-based upload is: an OOXML document (Word, Excel) or an OpenDocument text or
 * spreadsheet without macros, or a refusal. Reads only `[Content_Types].xml`, `mimetype` and
 * (for OpenDocument) streams its XML parts; never a whole large entry.
 */
export async function inspectOfficeZip(filePath: string): Promise<OfficeVerdict> {
  const names: string[] = [];
  // Filled while walking; undefined odfKind means "no mimetype entry first", so not OpenDocument.
  const seen: { types: { part: string; type: string }[] | null; odfKind?: AllowedKind | null; odfCode: boolean } = {
    types: null,
    odfCode: false,
  };
  try {
    await walkZip(filePath, async (entry, zip, index) => {
      const name = entry.fileName;
      names.push(name);
      if (index === 0 && name === "mimetype") {
        const value = (await readEntry(zip, entry, MIMETYPE_MAX)).toString("latin1").trim();
        seen.odfKind = ODF_MIMETYPES[value] ?? null;
      } else if (name === "[Content_Types].xml") {
        seen.types = contentTypes((await readEntry(zip, entry, CONTENT_TYPES_MAX)).toString("utf8"));
      } else if (seen.odfKind && ODF_XML_PARTS.has(name)) {
        if (await entryContains(zip, entry, ODF_CODE_NEEDLES, ODF_SCAN_MAX)) seen.odfCode = true;
      }
    });
  } catch (error) {
    if (error instanceof BrokenZipError) return { ok: false, reason: "broken" };
    throw error;
  }

  const { odfKind, odfCode, types: parts } = seen;
  if (odfKind !== undefined) {
    if (odfKind === null) return { ok: false, reason: "type_not_allowed" };
    if (odfCode || names.some((name) => ODF_CODE_PART.test(name))) return { ok: false, reason: "macros" };
    return names.includes("content.xml") ? { ok: true, kind: odfKind } : { ok: false, reason: "broken" };
  }

  if (!parts) return { ok: false, reason: "type_not_allowed" };
  if (parts.some(({ type }) => OOXML_CODE_TYPE.test(type)) || names.some((name) => OOXML_CODE_PART.test(name)))
    return { ok: false, reason: "macros" };
  const main = parts
    .map(({ part, type }) => ({ part, main: OOXML_MAIN[type.toLowerCase()] }))
    .find(({ main }) => main !== undefined);
  if (!main?.main) return { ok: false, reason: "type_not_allowed" };
  // Part names are case-insensitive in OPC.
  const part = main.part.toLowerCase();
  if (!part.startsWith(main.main.folder) || !names.some((name) => name.toLowerCase() === part))
    return { ok: false, reason: "broken" };
  return { ok: true, kind: main.main.kind };
}
