import type { ReadContext } from "@/lib/tenancy/loader";
import { almatyDisplayTime } from "@/lib/audit/almaty-time";
import { translator } from "@/lib/i18n/messages";
import { contentDisposition } from "@/lib/storage/http";
import { requestTranscriptLoader } from "./queries";
import { renderTranscriptPdf } from "./transcript";

/** A request's transcript as a download: the verifiable JSON, or a PDF of the same content. */
export async function handleTranscript(
  ctx: ReadContext,
  locale: string,
  requestId: string,
  format: "json" | "pdf",
): Promise<Response> {
  const result = await requestTranscriptLoader.run({ requestId, format }, ctx);
  if (!result.ok)
    return new Response(
      JSON.stringify({ error: result.code === "unauthenticated" ? "unauthenticated" : "not_found" }),
      {
        status: result.code === "unauthenticated" ? 401 : 404,
        headers: { "content-type": "application/json" },
      },
    );
  const t = result.data;
  const headers = new Headers({ "cache-control": "private, no-store", "x-content-type-options": "nosniff" });
  const name = `transcript-${t.request.number.replace(/^З/, "Z")}`;
  if (format === "json") {
    headers.set("content-type", "application/json; charset=utf-8");
    headers.set("content-disposition", contentDisposition("attachment", `${name}.json`));
    return new Response(JSON.stringify(t, null, 2), { headers });
  }
  const tr = translator(locale);
  const pdf = await renderTranscriptPdf(t, {
    title: tr("requests.transcript.title"),
    partner: tr("requests.transcript.partner"),
    subject: tr("requests.fields.subject"),
    status: tr("requests.fields.status"),
    generatedAt: tr("requests.transcript.generatedAt"),
    messageHash: tr("requests.transcript.messageHash"),
    attachment: tr("requests.transcript.attachment"),
    transcriptHash: tr("requests.transcript.hash"),
    sides: { partner: tr("requests.sides.partner"), outsourcer: tr("requests.sides.outsourcer") },
    formatTime: (iso) => `${almatyDisplayTime(new Date(iso))} (Asia/Almaty)`,
  });
  headers.set("content-type", "application/pdf");
  headers.set("content-disposition", contentDisposition("attachment", `${name}.pdf`));
  return new Response(new Uint8Array(pdf), { headers });
}
