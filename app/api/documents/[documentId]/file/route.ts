import { withApiErrors } from "@/lib/api/http";
import { handleDownload } from "@/lib/documents/http";
import { webContext } from "@/lib/documents/web";

export const dynamic = "force-dynamic";

/** GET: a document's file (`?version=` for an earlier one; `?inline=1` to preview PDF and images). */
export const GET = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ documentId: string }> }): Promise<Response> => {
    const search = new URL(request.url).searchParams;
    return handleDownload(request, await webContext(), {
      documentId: (await params).documentId,
      versionId: search.get("version") ?? undefined,
      inline: search.get("inline") === "1",
    });
  },
);
