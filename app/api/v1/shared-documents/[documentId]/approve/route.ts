import { actionResponse, apiActionContext, readJsonObject, withApiErrors } from "@/lib/api/http";
import { approveShared } from "@/lib/sharing/actions/decide";

/** POST `{versionId?}` → 201: approves the version (the current one unless named). */
export const POST = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ documentId: string }> }): Promise<Response> => {
    const body = await readJsonObject(request);
    if (!body.ok) return body.response;
    const result = await approveShared.run(
      { versionId: body.value.versionId, documentId: (await params).documentId },
      await apiActionContext(request),
    );
    return actionResponse(result, 201);
  },
);
