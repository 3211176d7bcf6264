import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import { TIME_ZONE } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { appUrl } from "@/lib/notifications/token";

let fontBytes: Promise<Buffer> | null = null;
/** DejaVu Sans: Cyrillic and the Kazakh letters. */
function font(): Promise<Buffer> {
  fontBytes ??= readFile(path.join(process.cwd(), "assets/fonts/DejaVuSans.ttf"));
  return fontBytes;
}

export interface SheetData {
  title: string;
  partnerName: string;
  versionNumber: number;
  sha256: string;
  shortId: string;
  signatures: {
    signerName: string;
    organisationName: string | null;
    organisationBin: string | null;
    method: string;
    iin: string | null;
    bin: string | null;
    ip: string | null;
    createdAt: Date;
  }[];
}

/** The public link a sheet's QR code and text lead to. */
export function verifyUrl(shortId: string): string {
  return appUrl(`/verify/${shortId}`);
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;

/** Lines of `text` that fit `width` at `size`, broken at spaces (a longer word is cut). */
function wrap(text: string, face: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (face.widthOfTextAtSize(next, size) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (face.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && face.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

/** The QR code of `text` drawn as squares (vector, sharp at any zoom), its top-left at (x, top). */
function drawQr(page: PDFPage, text: string, x: number, top: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  const origin = { x: x + 4 * cell, y: top - 4 * cell };
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++)
      if (qr.modules.get(row, col))
        page.drawRectangle({
          x: origin.x + col * cell,
          y: origin.y - (row + 1) * cell,
          width: cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
}

/**
 * The signature sheet of one signed version (DOC-5): the document, the version's number and SHA-256,
 * every signer with name, organisation, method, IIN/BIN (ЭЦП; empty for SMS codes), time (Almaty) and
 * IP, and a QR code with the short link to the public verification page. pdf-lib with DejaVu Sans.
 */
export async function signatureSheetPdf(data: SheetData, locale: string): Promise<Uint8Array> {
  const t = translator(locale);
  const tr = (key: string, values?: Record<string, string | number>) =>
    t(`signatures.sheet.${key}` as never, values as never);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const face = await pdf.embedFont(await font(), { subset: true });
  pdf.setTitle(`${tr("title")}: ${data.title}`);
  pdf.setCreator("Partner Cabinet");
  const when = new Intl.DateTimeFormat(locale === "kk" ? "kk-KZ" : locale === "en" ? "en-GB" : "ru-RU", {
    timeZone: TIME_ZONE,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  });
  const link = verifyUrl(data.shortId);

  let page = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const text = (value: string, x: number, size: number, color = rgb(0, 0, 0)) =>
    page.drawText(value, { x, y, size, font: face, color });

  const qrSize = 120;
  drawQr(page, link, A4.width - MARGIN - qrSize, y + 8, qrSize);
  const left = A4.width - 2 * MARGIN - qrSize - 10;
  text(tr("title"), MARGIN, 18);
  y -= 28;
  for (const line of wrap(data.title, face, 13, left)) {
    text(line, MARGIN, 13);
    y -= 17;
  }
  for (const line of wrap(`${tr("partner")}: ${data.partnerName}`, face, 10, left)) {
    text(line, MARGIN, 10);
    y -= 14;
  }
  text(tr("version", { number: data.versionNumber }), MARGIN, 10);
  y -= 14;
  text(`SHA-256: ${data.sha256.slice(0, 32)}`, MARGIN, 9);
  y -= 12;
  text(data.sha256.slice(32), MARGIN + face.widthOfTextAtSize("SHA-256: ", 9), 9);
  y = Math.min(y - 14, A4.height - MARGIN - qrSize - 8);
  for (const line of wrap(`${tr("check")} ${link}`, face, 9, A4.width - 2 * MARGIN)) {
    text(line, MARGIN, 9, rgb(0.2, 0.2, 0.5));
    y -= 12;
  }
  y -= 10;

  // The table: #, signer, method, IIN/BIN, time, IP.
  const cols = [
    { key: "number", x: MARGIN, width: 18 },
    { key: "signer", x: MARGIN + 18, width: 170 },
    { key: "method", x: MARGIN + 192, width: 70 },
    { key: "taxId", x: MARGIN + 266, width: 80 },
    { key: "time", x: MARGIN + 350, width: 95 },
    { key: "ip", x: MARGIN + 449, width: A4.width - MARGIN - (MARGIN + 449) },
  ];
  const header = () => {
    for (const c of cols)
      page.drawText(tr(`columns.${c.key}`), { x: c.x, y, size: 8, font: face, color: rgb(0.3, 0.3, 0.3) });
    y -= 4;
    page.drawLine({
      start: { x: MARGIN, y },
      end: { x: A4.width - MARGIN, y },
      thickness: 0.5,
      color: rgb(0.6, 0.6, 0.6),
    });
    y -= 12;
  };
  header();
  data.signatures.forEach((s, i) => {
    const signer = [
      s.signerName,
      s.organisationName ? `${s.organisationName}${s.organisationBin ? ` (${s.organisationBin})` : ""}` : null,
    ]
      .filter((v): v is string => Boolean(v))
      .flatMap((v) => wrap(v, face, 9, cols[1]!.width - 4));
    const cells: string[][] = [
      [String(i + 1)],
      signer,
      wrap(tr(`methods.${s.method === "ECP" ? "ECP" : "SMS"}`), face, 9, cols[2]!.width - 4),
      [[s.iin, s.bin].filter(Boolean).join(" / ") || "—"],
      wrap(when.format(s.createdAt), face, 9, cols[4]!.width - 4),
      wrap(s.ip ?? "—", face, 9, cols[5]!.width),
    ];
    const height = Math.max(...cells.map((c) => c.length)) * 12 + 6;
    if (y - height < MARGIN) {
      page = pdf.addPage([A4.width, A4.height]);
      y = A4.height - MARGIN;
      header();
    }
    cells.forEach((lines, c) =>
      lines.forEach((line, l) =>
        page.drawText(line, { x: cols[c]!.x, y: y - l * 12, size: 9, font: face, color: rgb(0, 0, 0) }),
      ),
    );
    y -= height;
  });
  return pdf.save({ useObjectStreams: false });
}
