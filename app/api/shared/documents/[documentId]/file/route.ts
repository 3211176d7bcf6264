import { withApiErrors } from "@/lib/api/http";
import { webContext } from "@/lib/documents/web";
import { handleSharedDownload } from "@/lib/sharing/http";

export const dynamic = "force-dynamic";

/** GET (counterparty, web): a shared document's file (`?inline=1` to preview PDF and images). */
export const GET = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ documentId: string }> }): Promise<Response> => {
    const search = new URL(request.url).searchParams;
    return handleSharedDownload(request, await webContext(), {
      documentId: (await params).documentId,
      versionId: search.get("version") ?? undefined,
      inline: search.get("inline") === "1",
    });
  },
);
