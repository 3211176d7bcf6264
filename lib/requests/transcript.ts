import { createHash } from "node:crypto";
import path from "node:path";
import { canonicalJson } from "@/lib/audit/hash";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A request's transcript (REQ-3): every sent message with its author, server time and SHA-256, the
 * attachments with their versions' hashes, and the transcript's own SHA-256 over all of it
 * (canonical JSON, keys sorted). Internal notes are never selected here.
 */
export const TRANSCRIPT_FORMAT = "partner-cabinet/request-transcript@1";

export interface TranscriptMessage {
  id: string;
  author: { name: string; side: "partner" | "outsourcer" };
  createdAt: string;
  text: string;
  sha256: string;
  attachments: { documentId: string; versionId: string; title: string; fileName: string; sha256: string }[];
}

export interface Transcript {
  format: typeof TRANSCRIPT_FORMAT;
  generatedAt: string;
  request: {
    id: string;
    partnerId: string;
    number: string;
    partner: { name: string; taxId: string };
    category: string;
    priority: string;
    subject: string;
    status: string;
    createdAt: string;
  };
  messages: TranscriptMessage[];
  transcriptSha256: string;
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The hash of a transcript: its canonical JSON without the hash field itself. */
export function transcriptHash(
  transcript: Omit<Transcript, "transcriptSha256"> & { transcriptSha256?: unknown },
): string {
  const body: Record<string, unknown> = { ...transcript };
  delete body.transcriptSha256;
  return sha256(canonicalJson(body));
}

/** Reads a request's transcript through the caller's (scoped) client, or null when it does not reach it. */
export async function buildTranscript(
  db: PrismaClient,
  where: Prisma.RequestWhereInput,
  requestId: string,
  at: Date,
): Promise<Transcript | null> {
  const row = await db.request.findFirst({
    where: { id: requestId, ...where },
    select: {
      id: true,
      partnerId: true,
      number: true,
      category: true,
      priority: true,
      subject: true,
      status: true,
      createdAt: true,
      partner: { select: { name: true, taxId: true } },
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          side: true,
          text: true,
          sha256: true,
          createdAt: true,
          author: { select: { name: true } },
          attachments: {
            orderBy: { createdAt: "asc" },
            select: {
              documentId: true,
              versionId: true,
              sha256: true,
              document: { select: { title: true } },
              version: { select: { originalName: true } },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const body = {
    format: TRANSCRIPT_FORMAT,
    generatedAt: at.toISOString(),
    request: {
      id: row.id,
      partnerId: row.partnerId,
      number: row.number,
      partner: row.partner,
      category: row.category,
      priority: row.priority,
      subject: row.subject,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
    },
    messages: row.messages.map((m) => ({
      id: m.id,
      author: { name: m.author.name, side: m.side === "PARTNER" ? ("partner" as const) : ("outsourcer" as const) },
      createdAt: m.createdAt.toISOString(),
      text: m.text,
      sha256: m.sha256,
      attachments: m.attachments.map((a) => ({
        documentId: a.documentId,
        versionId: a.versionId,
        title: a.document.title,
        fileName: a.version.originalName,
        sha256: a.sha256,
      })),
    })),
  } satisfies Omit<Transcript, "transcriptSha256">;
  return { ...body, transcriptSha256: transcriptHash(body) };
}

export type TranscriptCheck = { ok: true; sha256: string; messages: number } | { ok: false; problems: string[] };

/**
 * Recomputes a transcript: each message's hash from its text, and the transcript's hash from its
 * content. Any edited byte of a text, an author, a time or an attachment's hash is detected.
 */
export function verifyTranscript(value: unknown): TranscriptCheck {
  const t = value as Partial<Transcript> | null;
  if (!t || typeof t !== "object" || t.format !== TRANSCRIPT_FORMAT || !Array.isArray(t.messages))
    return { ok: false, problems: ["not a request transcript"] };
  const problems: string[] = [];
  t.messages.forEach((m, i) => {
    if (typeof m?.text !== "string" || sha256(m.text) !== m.sha256)
      problems.push(`message ${i + 1} (${String(m?.id)}): its text does not match its sha256`);
  });
  const expected = transcriptHash(t as Transcript);
  if (expected !== t.transcriptSha256) problems.push("the transcript's sha256 does not match its content");
  return problems.length ? { ok: false, problems } : { ok: true, sha256: expected, messages: t.messages.length };
}

/** DejaVu Sans covers Kazakh Cyrillic (ӘҒҚҢӨҰҮҺІ) and the tenge sign ₸. */
export const TRANSCRIPT_FONT = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", "DejaVuSans.ttf");
export const TRANSCRIPT_FONT_BOLD = path.join(
  process.cwd(),
  "node_modules",
  "dejavu-fonts-ttf",
  "ttf",
  "DejaVuSans-Bold.ttf",
);

export interface TranscriptLabels {
  title: string;
  partner: string;
  subject: string;
  status: string;
  generatedAt: string;
  messageHash: string;
  attachment: string;
  transcriptHash: string;
  sides: { partner: string; outsourcer: string };
  formatTime: (iso: string) => string;
}

/** The transcript as a PDF with an embedded font; the JSON remains the verifiable original. */
export async function renderTranscriptPdf(t: Transcript, labels: TranscriptLabels): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: `${labels.title} ${t.request.number}` } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("body", TRANSCRIPT_FONT);
  doc.registerFont("bold", TRANSCRIPT_FONT_BOLD);
  doc.font("bold").fontSize(16).text(`${labels.title} ${t.request.number}`);
  doc.moveDown(0.5).font("body").fontSize(10);
  doc.text(`${labels.partner}: ${t.request.partner.name} (${t.request.partner.taxId})`);
  doc.text(`${labels.subject}: ${t.request.subject}`);
  doc.text(`${labels.status}: ${t.request.status}`);
  doc.text(`${labels.generatedAt}: ${labels.formatTime(t.generatedAt)}`);
  doc.moveDown();
  for (const m of t.messages) {
    doc
      .font("bold")
      .fontSize(10)
      .text(`${m.author.name} · ${labels.sides[m.author.side]} · ${labels.formatTime(m.createdAt)}`);
    doc.font("body").fontSize(10).text(m.text);
    doc.fontSize(7).fillColor("#555").text(`${labels.messageHash}: ${m.sha256}`);
    for (const a of m.attachments) doc.text(`${labels.attachment}: ${a.title} (${a.fileName}) sha256 ${a.sha256}`);
    doc.fillColor("black").moveDown();
  }
  doc.font("bold").fontSize(9).text(`${labels.transcriptHash}: ${t.transcriptSha256}`);
  doc.end();
  return done;
}
