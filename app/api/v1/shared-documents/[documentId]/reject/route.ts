import { actionResponse, apiActionContext, readJsonObject, withApiErrors } from "@/lib/api/http";
import { rejectShared } from "@/lib/sharing/actions/decide";

/** POST `{reason, versionId?}` → 201: rejects the version; the reason is required. */
export const POST = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ documentId: string }> }): Promise<Response> => {
    const body = await readJsonObject(request);
    if (!body.ok) return body.response;
    const result = await rejectShared.run(
      { versionId: body.value.versionId, reason: body.value.reason, documentId: (await params).documentId },
      await apiActionContext(request),
    );
    return actionResponse(result, 201);
  },
);
