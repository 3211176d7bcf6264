import { withApiErrors } from "@/lib/api/http";
import { apiCreateRequest, apiListRequests } from "@/lib/requests/api";

/** GET: the Partner's requests by due time (`status`, `cursor`). POST: a new request. */
export const GET = withApiErrors(apiListRequests);
export const POST = withApiErrors(apiCreateRequest);
