import { actionResponse, apiActionContext, json, readJsonObject, withApiErrors } from "@/lib/api/http";
import { createRoute } from "@/lib/signatures/actions/create-route";
import { documentRoutesLoader } from "@/lib/signatures/queries";

/** GET: the document's routes with their steps, as the caller sees them. */
export const GET = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ documentId: string }> }): Promise<Response> => {
    const ctx = await apiActionContext(request);
    const result = await documentRoutesLoader.run({ documentId: (await params).documentId }, ctx);
    if (!result.ok)
      return json(
        { error: result.code === "unauthenticated" ? "unauthenticated" : "not_found" },
        result.code === "unauthenticated" ? 401 : 404,
      );
    return json(result.data);
  },
);

/** POST `{purpose, ordering, deadline?, signers}` → 201 `{id, shortId, steps}`: sends the current version on a route. */
export const POST = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ documentId: string }> }): Promise<Response> => {
    const body = await readJsonObject(request);
    if (!body.ok) return body.response;
    const result = await createRoute.run(
      { ...body.value, documentId: (await params).documentId },
      await apiActionContext(request),
    );
    return actionResponse(result, 201);
  },
);
