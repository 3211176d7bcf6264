import { readJsonObject, requestMeta, withApiErrors } from "@/lib/api/http";
import { handleVerify } from "@/lib/signatures/http";

export const dynamic = "force-dynamic";

/** POST `{sha256, shortId?}` (no login): whether a signed version with this hash exists, and its signers. */
export const POST = withApiErrors(async (request: Request): Promise<Response> => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  return handleVerify(requestMeta(request), body.value);
});
