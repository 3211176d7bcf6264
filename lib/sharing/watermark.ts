import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, degrees, rgb } from "pdf-lib";

let fontBytes: Promise<Buffer> | null = null;

/** DejaVu Sans: covers Cyrillic and the Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і). */
function font(): Promise<Buffer> {
  fontBytes ??= readFile(path.join(process.cwd(), "assets/fonts/DejaVuSans.ttf"));
  return fontBytes;
}

/**
 * Stamps every page of a PDF with who is looking and when (DOC-4): a diagonal line across the
 * page and a footer. Needs the whole file in memory, so callers cap the size (WATERMARK_MAX_BYTES).
 */
export async function watermarkPdf(
  bytes: Uint8Array,
  viewer: { name: string; phone: string; at: Date },
): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const face = await pdf.embedFont(await font(), { subset: true });
  const stamp = `${viewer.name} · ${viewer.phone} · ${viewer.at.toISOString().replace("T", " ").slice(0, 16)} UTC`;
  for (const page of pdf.getPages()) {
    const { width, height } = page.getSize();
    const size = Math.max(10, Math.min(28, (Math.hypot(width, height) * 0.8) / Math.max(stamp.length, 1) / 0.55));
    page.drawText(stamp, {
      x: width * 0.1,
      y: height * 0.2,
      size,
      font: face,
      color: rgb(0.6, 0.1, 0.1),
      opacity: 0.25,
      rotate: degrees((Math.atan2(height, width) * 180) / Math.PI),
    });
    page.drawText(stamp, { x: 24, y: 12, size: 8, font: face, color: rgb(0.4, 0.4, 0.4), opacity: 0.8 });
  }
  // Plain objects (no object streams): older viewers read them, and the file stays inspectable.
  return pdf.save({ useObjectStreams: false });
}
