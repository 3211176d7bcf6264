import { getWebRequestMeta, getWebSession } from "@/lib/auth/current";
import { invoicePdfLoader } from "@/lib/billing/queries";

export const dynamic = "force-dynamic";

/** GET: one invoice of the Partner (or, for operators, any) as its PDF; the download is audited. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ invoiceId: string }> },
): Promise<Response> {
  const input = { invoiceId: (await params).invoiceId };
  const result = await invoicePdfLoader.run(input, { session: await getWebSession(), meta: await getWebRequestMeta() });
  if (!result.ok) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  return new Response(new Uint8Array(result.data.pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${result.data.fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
