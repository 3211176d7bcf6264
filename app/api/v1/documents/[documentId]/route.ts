import { apiError, bearerSession, json, requestMeta, withApiErrors } from "@/lib/api/http";
import { documentDetailLoader } from "@/lib/documents/queries";

/** GET: one document with its versions, who sent it to whom, and who of the other side opened it. */
export const GET = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ documentId: string }> }): Promise<Response> => {
    const session = await bearerSession(request);
    if (!session) return apiError(request, 401, "unauthenticated", "unauthenticated");
    const result = await documentDetailLoader.run(
      { documentId: (await params).documentId },
      { session, meta: requestMeta(request) },
    );
    if (!result.ok) return apiError(request, 404, "not_found", "not_found");
    const d = result.data;
    return json({
      id: d.id,
      title: d.title,
      description: d.description,
      category: d.category,
      direction: d.direction,
      status: d.status,
      createdAt: d.createdAt.toISOString(),
      createdBy: d.createdBy.name,
      sentAt: d.sentAt?.toISOString() ?? null,
      sentBy: d.sentBy?.name ?? null,
      company: d.company?.name ?? null,
      openedBy: d.receipts.map((r) => ({ name: r.person.name, openedAt: r.openedAt.toISOString() })),
      version: versionJson(d.current),
      versions: d.versions.map(versionJson),
    });
  },
);

function versionJson(v: {
  id: string;
  number: number;
  size: number;
  sha256: string;
  mime: string;
  originalName: string;
  createdAt: Date;
  uploadedBy: { name: string };
}) {
  return {
    id: v.id,
    number: v.number,
    size: v.size,
    sha256: v.sha256,
    mime: v.mime,
    fileName: v.originalName,
    createdAt: v.createdAt.toISOString(),
    uploadedBy: v.uploadedBy.name,
  };
}
