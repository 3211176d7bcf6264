import { actionResponse, apiActionContext, readJsonObject, withApiErrors } from "@/lib/api/http";
import { markNotificationsRead } from "@/lib/notifications/actions/mark-read";

/** POST `{ids}` or `{all: true}`: marks the person's own notifications read. */
export const POST = withApiErrors(async (request: Request): Promise<Response> => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  return actionResponse(await markNotificationsRead.run(body.value, await apiActionContext(request)));
});
