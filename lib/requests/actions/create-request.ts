import { defineAction } from "@/lib/actions/define-action";
import { API_STATUS, createRequestSchema } from "../schemas";
import { createRequest as create } from "../thread";

/** A Partner's user with "requests: edit" writes to the outsourcing company (REQ-1). */
export const createRequest = defineAction({
  name: "requests.create",
  input: createRequestSchema,
  access: { member: "requests.edit" },
  audit: "request.created",
  async handler({ input, tx, actor }) {
    const { request, message, attachments } = await create(tx, actor, input);
    return {
      data: {
        id: request.id,
        number: request.number,
        status: API_STATUS[request.status],
        dueAt: request.dueAt?.toISOString() ?? null,
      },
      audit: {
        targetType: "request",
        targetId: request.id,
        details: {
          number: request.number,
          category: request.category,
          priority: request.priority,
          assigneeId: request.assigneeId,
          messageId: message.id,
          sha256: message.sha256,
          attachments,
        },
      },
    };
  },
});
