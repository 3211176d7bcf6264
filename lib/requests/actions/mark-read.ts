import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors/app-error";
import { requestIdSchema } from "../schemas";

/** The reader has seen the thread up to now (unread counts). */
export const markRequestRead = defineAction({
  name: "requests.markRead",
  input: requestIdSchema,
  access: { member: "requests.view", staff: "desk.view" },
  audit: "request.read",
  async handler({ input, tx, actor }) {
    const request = await tx.request.findFirst({
      where: { id: input.requestId, ...(actor.kind === "staff" ? { companyId: actor.companyId } : {}) },
      select: { id: true, partnerId: true },
    });
    if (!request) throw notFound();
    const at = now();
    await tx.requestRead.upsert({
      where: { requestId_personId: { requestId: request.id, personId: actor.personId } },
      create: { partnerId: request.partnerId, requestId: request.id, personId: actor.personId, lastReadAt: at },
      update: { lastReadAt: at },
    });
    return {
      data: { requestId: request.id },
      audit: { partnerId: request.partnerId, targetType: "request", targetId: request.id },
    };
  },
});
