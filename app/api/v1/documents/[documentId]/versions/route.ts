import { apiActionContext, withApiErrors } from "@/lib/api/http";
import { handleUpload } from "@/lib/documents/http";

/** POST (multipart `file`): a new version of the document. */
export const POST = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ documentId: string }> }): Promise<Response> =>
    handleUpload(request, await apiActionContext(request), { documentId: (await params).documentId }),
);
