import { requestMeta, withApiErrors } from "@/lib/api/http";
import { getWebSession } from "@/lib/auth/current";
import { handleStepContent } from "@/lib/signatures/http";

export const dynamic = "force-dynamic";

/** GET (web): the bytes of the version the signer's own step signs, for NCALayer (ЭЦП is web-only). */
export const GET = withApiErrors(
  async (request: Request, { params }: { params: Promise<{ stepId: string }> }): Promise<Response> => {
    return handleStepContent(
      { session: await getWebSession(), meta: requestMeta(request) },
      { stepId: (await params).stepId },
    );
  },
);
