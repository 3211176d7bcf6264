import { apiActionContext, withApiErrors } from "@/lib/api/http";
import { handleSharedDownload } from "@/lib/sharing/http";

/** GET (counterparty): the shared document's file, if a live grant of it allows downloads. */
export const GET = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ documentId: string }> }): Promise<Response> =>
    handleSharedDownload(request, await apiActionContext(request), {
      documentId: (await params).documentId,
      versionId: new URL(request.url).searchParams.get("version") ?? undefined,
      inline: false,
    }),
);
