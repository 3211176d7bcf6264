import { defineAction } from "@/lib/actions/define-action";
import { AppError } from "@/lib/errors/app-error";
import { assertTaxIdFree, withTaxIdGuard } from "../tax-id";
import { PROFILE_SELECT, fieldsForeignToType, profileChanges } from "../profile";
import { updateCompanyProfileSchema } from "../schemas";

/**
 * The member edits the requisites of the Partner they act in (ORG-2). The Partner is always the
 * actor's own (there is no id in the input); its type is not editable here. The audit row keeps
 * before and after of the changed fields only.
 */
export const updateCompanyProfile = defineAction({
  name: "partner.updateProfile",
  input: updateCompanyProfileSchema,
  access: { member: "profile.edit" },
  audit: "partner.profile_updated",
  async handler({ input, tx, actor }) {
    const stored = await tx.partner.findUniqueOrThrow({ where: { id: actor.partnerId }, select: PROFILE_SELECT });
    const foreign = fieldsForeignToType(stored.type, input);
    if (foreign.length > 0)
      throw new AppError("invalid_input", "invalid_input", Object.fromEntries(foreign.map((f) => [f, ["invalid"]])));

    const { before, after } = profileChanges(stored, input);
    if (after.taxId) await assertTaxIdFree(tx, after.taxId, actor.partnerId);
    const profile =
      Object.keys(after).length > 0
        ? await withTaxIdGuard(() =>
            tx.partner.update({ where: { id: actor.partnerId }, data: after, select: PROFILE_SELECT }),
          )
        : stored;
    return { data: profile, audit: { targetType: "partner", targetId: actor.partnerId, details: { before, after } } };
  },
});
