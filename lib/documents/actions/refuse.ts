import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { DOCUMENTS_EDIT } from "../access";
import { targetPartner } from "./upload";

/**
 * Records an upload the platform refused (wrong type, too large, over the quota, infected): nothing
 * of the file is kept, but the attempt is in the audit trail with the reason.
 */
export const recordUploadRefusal = defineAction({
  name: "documents.refuseUpload",
  input: z.object({
    reason: z.string().max(50),
    fileName: z.string().max(255).optional(),
    size: z.number().int().nonnegative().optional(),
    partnerId: z.uuid().optional(),
    signature: z.string().max(200).optional(),
  }),
  access: DOCUMENTS_EDIT,
  audit: "document.upload_refused",
  async handler({ input, actor }) {
    // Staff upload only into Partners they reach, so a refusal names one of those.
    const partnerId = actor.kind === "member" ? actor.partnerId : targetPartner(actor, input.partnerId);
    return {
      data: {},
      audit: {
        partnerId,
        targetType: "upload",
        details: { reason: input.reason, fileName: input.fileName, size: input.size, signature: input.signature },
      },
    };
  },
});
