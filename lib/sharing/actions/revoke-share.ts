import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors/app-error";
import { shareIdSchema } from "../schemas";

/** Ends a share at once (DOC-4): the counterparty's next request, a download included, finds nothing. */
export const revokeShare = defineAction({
  name: "sharing.revoke",
  input: shareIdSchema,
  access: { member: "sharing.edit" },
  audit: "share.revoked",
  async handler({ input, tx, actor }) {
    const grant = await tx.shareGrant.findFirst({
      where: { id: input.shareId, documents: { some: {} } },
      select: { id: true, revokedAt: true, personId: true },
    });
    if (!grant) throw notFound();
    if (grant.revokedAt) throw new AppError("conflict", "share_already_revoked");
    const updated = await tx.shareGrant.updateMany({
      where: { id: grant.id, revokedAt: null },
      data: { revokedAt: now(), revokedById: actor.personId },
    });
    if (updated.count !== 1) throw new AppError("conflict", "share_already_revoked");
    return {
      data: { id: grant.id },
      audit: { targetType: "share", targetId: grant.id, details: { personId: grant.personId } },
    };
  },
});
