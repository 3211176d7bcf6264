import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { textSha256 } from "./thread";
import {
  TRANSCRIPT_FONT,
  TRANSCRIPT_FORMAT,
  renderTranscriptPdf,
  transcriptHash,
  verifyTranscript,
  type Transcript,
} from "./transcript";

function sample(): Transcript {
  const text = "Сәлем! Ақша аудару: 150 000 ₸. ӘҒҚҢӨҰҮҺІ";
  const body = {
    format: TRANSCRIPT_FORMAT as typeof TRANSCRIPT_FORMAT,
    generatedAt: "2026-03-02T05:00:00.000Z",
    request: {
      id: "r",
      partnerId: "p",
      number: "З-2026-0001",
      partner: { name: "ТОО «Әлем»", taxId: "123456789012" },
      category: "payroll_hr",
      priority: "normal",
      subject: "Жалақы",
      status: "NEW",
      createdAt: "2026-03-02T04:00:00.000Z",
    },
    messages: [
      {
        id: "m1",
        author: { name: "Әсем Қайратқызы", side: "partner" as const },
        createdAt: "2026-03-02T04:00:00.000Z",
        text,
        sha256: textSha256(text),
        attachments: [],
      },
    ],
  };
  return { ...body, transcriptSha256: transcriptHash(body) };
}

const labels = {
  title: "Стенограмма",
  partner: "Компания",
  subject: "Тема",
  status: "Статус",
  generatedAt: "Сформирована",
  messageHash: "SHA-256 сообщения",
  attachment: "Вложение",
  transcriptHash: "SHA-256 стенограммы",
  sides: { partner: "Партнёр", outsourcer: "Аутсорсер" },
  formatTime: (iso: string) => iso,
};

describe("transcripts", () => {
  it("the embedded font has every Kazakh letter and the tenge sign, and the PDF embeds it", async () => {
    const { default: PDFDocument } = await import("pdfkit");
    const doc = new PDFDocument();
    doc.font(TRANSCRIPT_FONT);
    const font = (doc as unknown as { _font: { font: { hasGlyphForCodePoint(c: number): boolean } } })._font.font;
    for (const ch of "ӘҒҚҢӨҰҮҺІәғқңөұүһі₸")
      expect([ch, font.hasGlyphForCodePoint(ch.codePointAt(0)!)]).toEqual([ch, true]);
    doc.end();
    const pdf = await renderTranscriptPdf(sample(), labels);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/FontFile2/);
  });

  it("the command confirms an exported transcript and names an edited byte", { timeout: 60_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "transcript-"));
    const good = path.join(dir, "good.json");
    writeFileSync(good, JSON.stringify(sample(), null, 2));
    const run = (file: string) => {
      try {
        return {
          code: 0,
          out: execFileSync("npx", ["tsx", "scripts/transcript-verify.ts", file], { encoding: "utf8" }),
        };
      } catch (error) {
        const e = error as { status: number; stderr: string };
        return { code: e.status, out: e.stderr };
      }
    };
    expect(run(good)).toEqual({ code: 0, out: expect.stringContaining("OK: 1 messages") });
    const edited = sample();
    edited.messages[0]!.text = edited.messages[0]!.text.replace("150", "151");
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify(edited));
    const result = run(bad);
    expect(result.code).toBe(1);
    expect(result.out).toContain("message 1 (m1): its text does not match its sha256");
    expect(verifyTranscript({ nonsense: true })).toEqual({ ok: false, problems: ["not a request transcript"] });
  });
});
