import { defineAction } from "@/lib/actions/define-action";
import { replySchema } from "../schemas";
import { postMessage as post } from "../thread";

/**
 * A message in a request's thread from the Partner's side ("requests: edit") or from the serving
 * company's staff who reach the Partner (REQ-2). Once sent it is never changed (REQ-3).
 */
export const postMessage = defineAction({
  name: "requests.postMessage",
  input: replySchema,
  access: { member: "requests.edit", staff: "desk.view" },
  audit: "request.message_sent",
  async handler({ input, tx, actor }) {
    const result = await post(tx, actor, input);
    return {
      data: {
        id: result.message.id,
        sha256: result.message.sha256,
        createdAt: result.message.createdAt.toISOString(),
        requestId: result.requestId,
        newRequest: result.newRequest,
      },
      audit: {
        partnerId: result.partnerId,
        targetType: "request",
        targetId: result.requestId,
        details: {
          messageId: result.message.id,
          sha256: result.message.sha256,
          from: result.from,
          ...(result.newRequest ? { linkedFrom: input.requestId } : { to: result.to }),
          documentIds: input.documentIds,
        },
      },
    };
  },
});
