import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors/app-error";
import { notify } from "@/lib/notifications/notify";
import { assignSchema } from "../schemas";

/** A manager gives one or many requests to a staff member of their company (REQ-4, bulk on the desk). */
export const assignRequests = defineAction({
  name: "requests.assign",
  input: assignSchema,
  access: { staff: "desk.assignments.manage" },
  audit: "request.assigned",
  async handler({ input, tx, actor }) {
    const staffMember = await tx.staffMember.findFirst({
      where: { id: input.staffMemberId, companyId: actor.companyId },
      select: { id: true, personId: true },
    });
    if (!staffMember) throw notFound();
    const ids = [...new Set(input.requestIds)];
    const requests = await tx.request.findMany({
      where: { id: { in: ids }, companyId: actor.companyId },
      select: { id: true, partnerId: true, number: true, subject: true, status: true, assigneeId: true },
    });
    if (requests.length !== ids.length) throw notFound();
    const at = now();
    const changed = requests.filter((r) => r.assigneeId !== staffMember.id);
    for (const r of changed) {
      await tx.request.update({ where: { id: r.id }, data: { assigneeId: staffMember.id } });
      await tx.requestStatusChange.create({
        data: {
          partnerId: r.partnerId,
          requestId: r.id,
          fromStatus: r.status,
          toStatus: r.status,
          actorId: actor.personId,
          createdAt: at,
        },
      });
      if (staffMember.personId !== actor.personId)
        await notify(tx, {
          personIds: [staffMember.personId],
          kind: "request.assigned",
          partnerId: r.partnerId,
          params: { number: r.number, subject: r.subject },
          link: `/desk/requests/${r.id}`,
        });
    }
    const partners = new Set(requests.map((r) => r.partnerId));
    return {
      data: { assigned: changed.length },
      audit: {
        partnerId: partners.size === 1 ? requests[0]!.partnerId : null,
        targetType: "request",
        targetId: ids.length === 1 ? ids[0]! : null,
        details: {
          staffMemberId: staffMember.id,
          requests: changed.map((r) => ({ id: r.id, from: r.assigneeId })),
        },
      },
    };
  },
});
