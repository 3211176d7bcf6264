import { defineAction } from "@/lib/actions/define-action";
import { personSubject, personal } from "@/lib/audit/personal-data";
import { AppError } from "@/lib/errors/app-error";
import { unblockPersonSchema } from "../schemas";

/** Lifts a block pending review: the person can log in again (their ended sessions stay ended). */
export const unblockPerson = defineAction({
  name: "admin.unblockPerson",
  input: unblockPersonSchema,
  access: { operator: "platform.security.manage" },
  audit: "security.person_unblocked",
  async handler({ input, tx }) {
    const [block] = await tx.personBlock.findMany({ where: { personId: input.personId } });
    if (!block) throw new AppError("conflict", "person_not_blocked");
    await tx.personBlock.delete({ where: { personId: block.personId } });
    return {
      data: { personId: block.personId },
      audit: {
        targetType: "person",
        targetId: block.personId,
        details: {
          blockedAt: block.createdAt.toISOString(),
          blockedById: block.blockedById,
          reason: personal(personSubject(block.personId), block.reason),
          findingId: block.findingId,
        },
      },
    };
  },
});
