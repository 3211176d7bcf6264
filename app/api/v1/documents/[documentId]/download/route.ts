import { apiActionContext, withApiErrors } from "@/lib/api/http";
import { handleDownload } from "@/lib/documents/http";

/** GET: the current version's file (`?version=<id>` for another), with Range support. */
export const GET = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ documentId: string }> }): Promise<Response> =>
    handleDownload(request, await apiActionContext(request), {
      documentId: (await params).documentId,
      versionId: new URL(request.url).searchParams.get("version") ?? undefined,
      inline: false,
    }),
);
