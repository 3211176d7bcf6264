import { actionResponse, apiActionContext, readJsonObject, withApiErrors } from "@/lib/api/http";
import { commentShared } from "@/lib/sharing/actions/comment";

/** POST `{body}` → 201 `{id, createdAt, sha256}`: a comment in the document's thread. */
export const POST = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ documentId: string }> }): Promise<Response> => {
    const body = await readJsonObject(request);
    if (!body.ok) return body.response;
    const result = await commentShared.run(
      { body: body.value.body, documentId: (await params).documentId },
      await apiActionContext(request),
    );
    return actionResponse(result, 201);
  },
);
