import { withApiErrors } from "@/lib/api/http";
import { apiGetRequest } from "@/lib/requests/api";

/** GET: one request with its thread. */
export const GET = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ requestId: string }> }): Promise<Response> =>
    apiGetRequest(request, (await params).requestId),
);
