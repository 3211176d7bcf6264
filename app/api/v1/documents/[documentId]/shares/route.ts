import {
  actionResponse,
  apiActionContext,
  apiError,
  bearerSession,
  json,
  readJsonObject,
  requestMeta,
  withApiErrors,
} from "@/lib/api/http";
import { createShare } from "@/lib/sharing/actions/create-share";
import { documentSharesLoader } from "@/lib/sharing/queries";

type Params = { params: Promise<{ documentId: string }> };

/** POST `{phone, name, organisationName, organisationBin, rights, expiresAt?, allowDownload?, watermark?}` → 201 `{id}`. */
export const POST = withApiErrors(async (request: Request, { params }: Params): Promise<Response> => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const { documentId } = await params;
  const result = await createShare.run({ ...body.value, documentIds: [documentId] }, await apiActionContext(request));
  return result.ok ? json({ id: result.data.id }, 201) : actionResponse(result);
});

/** GET: the document's shares (live and past) and its view log. */
export const GET = withApiErrors(async (request: Request, { params }: Params): Promise<Response> => {
  const session = await bearerSession(request);
  if (!session) return apiError(request, 401, "unauthenticated", "unauthenticated");
  const result = await documentSharesLoader.run(
    { documentId: (await params).documentId },
    { session, meta: requestMeta(request) },
  );
  if (!result.ok) return apiError(request, 404, "not_found", "not_found");
  return json({
    items: result.data.shares.map((s) => ({
      id: s.id,
      name: s.person.name,
      phone: s.person.phone,
      organisationName: s.organisationName,
      organisationBin: s.organisationBin,
      rights: s.rights,
      expiresAt: s.expiresAt.toISOString(),
      revokedAt: s.revokedAt?.toISOString() ?? null,
      allowDownload: s.allowDownload,
      watermark: s.watermark,
      live: s.live,
    })),
    views: result.data.views.map((v) => ({ ...v, at: v.at.toISOString() })),
    decisions: result.data.decisions.map((d) => ({
      id: d.id,
      decision: d.decision,
      reason: d.reason,
      versionNumber: d.versionNumber,
      name: d.personName,
      at: d.createdAt.toISOString(),
    })),
  });
});
