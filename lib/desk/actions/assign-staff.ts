import { defineAction } from "@/lib/actions/define-action";
import { AppError, notFound } from "@/lib/errors/app-error";
import { assignStaffSchema } from "../schemas";

/**
 * Assigns a staff member of the serving company to a Partner for one responsibility (OPS-1): by the
 * company's managers at the desk (only Partners their company serves) or by operators.
 */
export const assignStaff = defineAction({
  name: "desk.assignStaff",
  input: assignStaffSchema,
  access: { staff: "desk.assignments.manage", operator: "platform.assignments.manage" },
  audit: "staff.assigned",
  async handler({ input, tx, actor }) {
    // The scoped client finds only Partners the actor reaches.
    const partner = await tx.partner.findUnique({
      where: { id: input.partnerId },
      select: { id: true, outsourcingCompanyId: true },
    });
    if (!partner?.outsourcingCompanyId) throw notFound();
    const staffMember = await tx.staffMember.findFirst({
      where: { id: input.staffMemberId, companyId: partner.outsourcingCompanyId },
      select: { id: true, personId: true },
    });
    if (!staffMember) throw notFound();
    const existing = await tx.staffAssignment.findFirst({
      where: { partnerId: partner.id, staffMemberId: staffMember.id, responsibility: input.responsibility },
      select: { id: true },
    });
    if (existing) throw new AppError("conflict", "already_assigned");
    const assignment = await tx.staffAssignment.create({
      data: {
        partnerId: partner.id,
        staffMemberId: staffMember.id,
        responsibility: input.responsibility,
        createdById: actor.personId,
      },
      select: { id: true },
    });
    return {
      data: { assignmentId: assignment.id },
      audit: {
        partnerId: partner.id,
        targetType: "staff_assignment",
        targetId: assignment.id,
        details: {
          staffMemberId: staffMember.id,
          personId: staffMember.personId,
          responsibility: input.responsibility,
        },
      },
    };
  },
});
