import { actionResponse, apiActionContext, withApiErrors } from "@/lib/api/http";
import { revokeShare } from "@/lib/sharing/actions/revoke-share";

/** DELETE: revokes the share at once → 204. */
export const DELETE = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ shareId: string }> }): Promise<Response> => {
    const result = await revokeShare.run({ shareId: (await params).shareId }, await apiActionContext(request));
    return result.ok ? new Response(null, { status: 204 }) : actionResponse(result);
  },
);
