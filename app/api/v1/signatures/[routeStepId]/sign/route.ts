import { actionResponse, apiActionContext, readJsonObject, withApiErrors } from "@/lib/api/http";
import { signStep } from "@/lib/signatures/actions/sign";

/** POST `{code}` → 201 `{id, signedAt, sha256, routeStatus}`: signs the step with the code sent for it. */
export const POST = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ routeStepId: string }> }): Promise<Response> => {
    const body = await readJsonObject(request);
    if (!body.ok) return body.response;
    const result = await signStep.run(
      { stepId: (await params).routeStepId, code: body.value.code },
      await apiActionContext(request),
    );
    return actionResponse(result, 201);
  },
);
