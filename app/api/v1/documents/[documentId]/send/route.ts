import { actionResponse, apiActionContext, withApiErrors } from "@/lib/api/http";
import { sendDocument } from "@/lib/documents/actions/send";

/** POST: sends the Partner's draft to its outsourcing company. */
export const POST = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ documentId: string }> }): Promise<Response> =>
    actionResponse(await sendDocument.run({ documentId: (await params).documentId }, await apiActionContext(request))),
);
