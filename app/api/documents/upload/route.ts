import { withApiErrors } from "@/lib/api/http";
import { handleUpload } from "@/lib/documents/http";
import { crossSite, webContext } from "@/lib/documents/web";

export const dynamic = "force-dynamic";

/** POST (multipart): files into the library, or a new version (`?documentId=`); staff name the Partner (`?partnerId=`). */
export const POST = withApiErrors(async (request: Request): Promise<Response> => {
  if (crossSite(request)) return new Response("Forbidden", { status: 403 });
  const params = new URL(request.url).searchParams;
  return handleUpload(request, await webContext(), {
    partnerId: params.get("partnerId") ?? undefined,
    documentId: params.get("documentId") ?? undefined,
  });
});
