// Minimal valid documents of every allowed type, built in code for tests (see hostile-files.ts).
import { crc32, deflateSync } from "node:zlib";
import { makeZip, type ZipEntry } from "./zip-writer";

const xmlEscape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * A one-page PDF with `lines` in the built-in Helvetica. Characters outside ASCII get byte codes
 * from 128 up, named `uniXXXX` in the font's /Differences, so text extraction yields the right
 * Unicode (Cyrillic, Kazakh) although no viewer has glyphs for them. `extraHead` goes into the
 * file right after the header line (for polyglot samples).
 */
export function makePdf(lines: string[] = ["Hello"], extraHead = ""): Buffer {
  const codes = new Map<string, number>();
  const encodeLine = (line: string) =>
    Array.from(line)
      .map((char) => {
        if (char.charCodeAt(0) < 128 && char.length === 1) return /[\\()]/.test(char) ? `\\${char}` : char;
        if (!codes.has(char)) {
          if (codes.size >= 128) throw new Error("too many distinct non-ASCII characters for one PDF font");
          codes.set(char, 128 + codes.size);
        }
        return `\\${(codes.get(char) ?? 0).toString(8)}`;
      })
      .join("");
  const stream = [
    "BT",
    "/F1 12 Tf",
    "72 720 Td",
    "14 TL",
    ...lines.map((line) => `(${encodeLine(line)}) '`),
    "ET",
  ].join("\n");
  const differences = [...codes.entries()]
    .map(([char, code]) => `${code} /uni${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`)
    .join(" ");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`,
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [${differences}] >> >>`,
  ];
  let body = `%PDF-1.4\n${extraHead}%\xe2\xe3\xcf\xd3\n`;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A 1×1 grey PNG. */
export function makePng(): Buffer {
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]); // 1×1, 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.from([0, 0x80]))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** JPEG markers only (SOI, JFIF APP0, EOI): enough for the type, not an image a viewer draws. */
export function makeJpeg(): Buffer {
  return Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
    0x00, 0xff, 0xd9,
  ]);
}

/** An ISO-BMFF `ftyp` box of brand `heic` (or `mif1`, which is HEIF), as phones write first. */
export function makeHeic(brand: "heic" | "mif1" = "heic"): Buffer {
  const box = Buffer.alloc(24);
  box.writeUInt32BE(24, 0);
  box.write("ftyp", 4, "latin1");
  box.write(brand, 8, "latin1");
  box.write("mif1heic", 16, "latin1");
  return box;
}

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

export const DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
export const XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

export function contentTypesXml(overrides: Record<string, string>, defaults: Record<string, string> = {}): string {
  const all = {
    rels: "application/vnd.openxmlformats-package.relationships+xml",
    xml: "application/xml",
    ...defaults,
  };
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    Object.entries(all)
      .map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`)
      .join("") +
    Object.entries(overrides)
      .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
      .join("") +
    "</Types>"
  );
}

const rootRels = (target: string) =>
  `${XML_HEAD}<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${OFFICE_DOC}" Target="${target}"/></Relationships>`;

/** Word document entries: one paragraph per line; `extra` entries are appended (for hostile variants). */
export function docxEntries(paragraphs: string[], mainType = DOCX_MAIN, extra: ZipEntry[] = []): ZipEntry[] {
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r></w:p>`);
  return [
    { name: "[Content_Types].xml", data: contentTypesXml({ "/word/document.xml": mainType }) },
    { name: "_rels/.rels", data: rootRels("word/document.xml") },
    {
      name: "word/document.xml",
      data: `${XML_HEAD}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join("")}</w:body></w:document>`,
    },
    ...extra,
  ];
}

export const makeDocx = (paragraphs: string[] = ["Hello"]) => makeZip(docxEntries(paragraphs));

/** Excel workbook entries with one sheet whose cells are the shared `strings`. */
export function xlsxEntries(strings: string[], mainType = XLSX_MAIN, extra: ZipEntry[] = []): ZipEntry[] {
  const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const cells = strings.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join("");
  return [
    {
      name: "[Content_Types].xml",
      data: contentTypesXml({
        "/xl/workbook.xml": mainType,
        "/xl/worksheets/sheet1.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
        "/xl/sharedStrings.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
      }),
    },
    { name: "_rels/.rels", data: rootRels("xl/workbook.xml") },
    {
      name: "xl/workbook.xml",
      data: `${XML_HEAD}<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `${XML_HEAD}<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    {
      name: "xl/worksheets/sheet1.xml",
      data: `${XML_HEAD}<worksheet xmlns="${ns}"><sheetData>${cells}</sheetData></worksheet>`,
    },
    {
      name: "xl/sharedStrings.xml",
      data: `${XML_HEAD}<sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${xmlEscape(s)}</t></si>`).join("")}</sst>`,
    },
    ...extra,
  ];
}

export const makeXlsx = (strings: string[] = ["Hello"]) => makeZip(xlsxEntries(strings));

export const ODT_MIME = "application/vnd.oasis.opendocument.text";
export const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";

const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" ' +
  'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"';

/** OpenDocument entries (`mimetype` first and stored); `body` is the inside of office:body. */
export function odfEntries(
  mimetype: string,
  body: string,
  extra: ZipEntry[] = [],
  scripts = "<office:scripts/>",
): ZipEntry[] {
  return [
    { name: "mimetype", data: mimetype, store: true },
    {
      name: "META-INF/manifest.xml",
      data: `${XML_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    },
    {
      name: "content.xml",
      data: `${XML_HEAD}<office:document-content ${ODF_NS}>${scripts}<office:body>${body}</office:body></office:document-content>`,
    },
    ...extra,
  ];
}

export const odtBody = (paragraphs: string[]) =>
  `<office:text>${paragraphs.map((p) => `<text:p>${xmlEscape(p)}</text:p>`).join("")}</office:text>`;

export const odsBody = (cells: string[]) =>
  `<office:spreadsheet><table:table table:name="Sheet1">${cells
    .map(
      (c) =>
        `<table:table-row><table:table-cell office:value-type="string"><text:p>${xmlEscape(c)}</text:p></table:table-cell></table:table-row>`,
    )
    .join("")}</table:table></office:spreadsheet>`;

export const makeOdt = (paragraphs: string[] = ["Hello"]) => makeZip(odfEntries(ODT_MIME, odtBody(paragraphs)));
export const makeOds = (cells: string[] = ["Hello"]) => makeZip(odfEntries(ODS_MIME, odsBody(cells)));
