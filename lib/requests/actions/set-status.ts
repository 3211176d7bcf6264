import { defineAction } from "@/lib/actions/define-action";
import { setStatusSchema } from "../schemas";
import { changeStatus } from "../thread";

/** Staff move a request: in progress, waiting for the Partner (the clock stands), resolved, closed (REQ-2). */
export const setRequestStatus = defineAction({
  name: "requests.setStatus",
  input: setStatusSchema,
  access: { staff: "desk.view" },
  audit: "request.status_changed",
  async handler({ input, tx, actor }) {
    const { request, from, to } = await changeStatus(tx, actor, input.requestId, input.status);
    return {
      data: { requestId: request.id, status: to },
      audit: { partnerId: request.partnerId, targetType: "request", targetId: request.id, details: { from, to } },
    };
  },
});
