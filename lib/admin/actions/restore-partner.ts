import { defineAction } from "@/lib/actions/define-action";
import { AppError } from "@/lib/errors/app-error";
import { restorePartnerSchema } from "../schemas";
import { CLOSED_STATUSES, changePartnerStatus, partnerForStatus } from "./partner-status";

/**
 * Lifts a suspension or block (OPS-2): back to ACTIVE when the Partner has a contract, else to DEMO.
 * Its members get the cabinet back at their next login.
 */
export const restorePartner = defineAction({
  name: "admin.restorePartner",
  input: restorePartnerSchema,
  access: { operator: "platform.partners.manage" },
  audit: "partner.restored",
  async handler({ input, tx, actor }) {
    const partner = await partnerForStatus(tx, input.partnerId);
    if (!CLOSED_STATUSES.includes(partner.status)) throw new AppError("conflict", "partner_not_suspended");
    const to = partner.contractNumber ? "ACTIVE" : "DEMO";
    await changePartnerStatus(tx, {
      partnerId: partner.id,
      from: partner.status,
      to,
      reason: null,
      operatorId: actor.personId,
    });
    return {
      data: { partnerId: partner.id, status: to },
      audit: {
        partnerId: partner.id,
        targetType: "partner",
        targetId: partner.id,
        details: { before: { status: partner.status, reason: partner.statusReason }, after: { status: to } },
      },
    };
  },
});
