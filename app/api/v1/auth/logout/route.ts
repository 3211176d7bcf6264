import { actionResponse, apiActionContext, withApiErrors } from "@/lib/api/http";
import { logout } from "@/lib/auth/actions/logout";

/** POST: ends the session behind the bearer token. */
export const POST = withApiErrors(async (request: Request): Promise<Response> => {
  return actionResponse(await logout.run({}, await apiActionContext(request)));
});
