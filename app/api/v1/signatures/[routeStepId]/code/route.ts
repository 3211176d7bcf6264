import { actionResponse, apiActionContext, withApiErrors } from "@/lib/api/http";
import { requestSignCode } from "@/lib/signatures/actions/sign";

/** POST → 201 `{retryAfterSeconds}`: sends the signer a code (SMS) to sign this step. */
export const POST = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ routeStepId: string }> }): Promise<Response> => {
    const result = await requestSignCode.run({ stepId: (await params).routeStepId }, await apiActionContext(request));
    return actionResponse(result, 201);
  },
);
