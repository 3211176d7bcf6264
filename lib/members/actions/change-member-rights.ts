import { defineAction } from "@/lib/actions/define-action";
import { consumeStepUpCode, countingStepUpFailures } from "@/lib/auth/step-up";
import { AppError, notFound } from "@/lib/errors/app-error";
import { changeMemberRightsSchema, storedGrant } from "../schemas";

/**
 * Changes a member's role and module rights (TEN-2), confirmed by a fresh code (AUTH-7). Rights
 * are read from the membership on every request, so the change applies to their next one.
 */
export const changeMemberRights = countingStepUpFailures(
  defineAction({
    name: "members.changeRights",
    input: changeMemberRightsSchema,
    access: { member: "users.manage" },
    audit: "member.rights_changed",
    async handler({ input, tx, actor }) {
      await consumeStepUpCode(tx, actor.phone, input.code);
      const member = await tx.membership.findFirst({
        where: { id: input.membershipId },
        select: { id: true, personId: true, role: true, rights: true, documentCategories: true, status: true },
      });
      if (!member) throw notFound();
      // The primary user changes only through the audited transfer procedure (AUTH-8).
      if (member.role === "PRIMARY") throw new AppError("forbidden", "primary_user_protected");
      if (member.status !== "ACTIVE") throw new AppError("conflict", "member_not_active");

      const grant = storedGrant(input);
      const before = { role: member.role, rights: member.rights, documentCategories: member.documentCategories };
      await tx.membership.update({ where: { id: member.id }, data: grant });
      return {
        data: { membershipId: member.id, ...grant },
        audit: {
          targetType: "membership",
          targetId: member.id,
          details: { personId: member.personId, before, after: grant },
        },
      };
    },
  }),
);
