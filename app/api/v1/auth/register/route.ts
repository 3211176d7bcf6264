import { actionResponse, apiActionContext, readJsonObject, withApiErrors } from "@/lib/api/http";
import { registerPartner } from "@/lib/registration/actions/register-partner";

/** POST with the token of a verified new number: creates the person and their Partner. */
export const POST = withApiErrors(async (request: Request): Promise<Response> => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  return actionResponse(await registerPartner.run(body.value, await apiActionContext(request)), 201);
});
