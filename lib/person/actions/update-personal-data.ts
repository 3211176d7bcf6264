import { defineAction } from "@/lib/actions/define-action";
import { personSubject, personal } from "@/lib/audit/personal-data";
import { updatePersonalDataSchema } from "../schemas";

/** A person corrects their own name and e-mail (000 §2.8); before and after go to the audit. */
export const updatePersonalData = defineAction({
  name: "person.updatePersonalData",
  input: updatePersonalDataSchema,
  access: "self",
  audit: "person.profile_updated",
  async handler({ input, tx, actor }) {
    const before = await tx.person.findUniqueOrThrow({
      where: { id: actor.personId },
      select: { name: true, email: true },
    });
    const after = await tx.person.update({
      where: { id: actor.personId },
      data: input,
      select: { name: true, email: true },
    });
    // Sealed under the person's key: readable in the record until the person's data is erased.
    const own = personSubject(actor.personId);
    return {
      data: after,
      audit: {
        targetType: "person",
        targetId: actor.personId,
        details: { before: personal(own, before), after: personal(own, after) },
      },
    };
  },
});
