import { withApiErrors } from "@/lib/api/http";
import { apiPostMessage } from "@/lib/requests/api";

/** POST: a message in the request's thread. */
export const POST = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ requestId: string }> }): Promise<Response> =>
    apiPostMessage(request, (await params).requestId),
);
