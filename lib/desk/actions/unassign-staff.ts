import { defineAction } from "@/lib/actions/define-action";
import { notFound } from "@/lib/errors/app-error";
import { unassignStaffSchema } from "../schemas";

/** Removes an assignment; the staff member no longer reaches the Partner through it (OPS-1). */
export const unassignStaff = defineAction({
  name: "desk.unassignStaff",
  input: unassignStaffSchema,
  access: { staff: "desk.assignments.manage", operator: "platform.assignments.manage" },
  audit: "staff.unassigned",
  async handler({ input, tx }) {
    // Scoped: an assignment of a Partner the actor does not reach is not found.
    const assignment = await tx.staffAssignment.findUnique({
      where: { id: input.assignmentId },
      select: {
        id: true,
        partnerId: true,
        responsibility: true,
        staffMemberId: true,
        staffMember: { select: { personId: true } },
      },
    });
    if (!assignment) throw notFound();
    await tx.staffAssignment.delete({ where: { id: assignment.id } });
    return {
      data: { partnerId: assignment.partnerId },
      audit: {
        partnerId: assignment.partnerId,
        targetType: "staff_assignment",
        targetId: assignment.id,
        details: {
          staffMemberId: assignment.staffMemberId,
          personId: assignment.staffMember.personId,
          responsibility: assignment.responsibility,
        },
      },
    };
  },
});
