import { defineAction } from "@/lib/actions/define-action";
import { AppError } from "@/lib/errors/app-error";
import { activatePartnerSchema } from "../schemas";
import { changePartnerStatus, partnerForStatus } from "./partner-status";

/** A demo Partner signs the service contract and becomes active (OPS-2); refused for any other status. */
export const activatePartner = defineAction({
  name: "admin.activatePartner",
  input: activatePartnerSchema,
  access: { operator: "platform.partners.manage" },
  audit: "partner.activated",
  async handler({ input, tx, actor }) {
    const partner = await partnerForStatus(tx, input.partnerId);
    if (partner.status !== "DEMO") throw new AppError("conflict", "partner_not_demo");
    await changePartnerStatus(tx, {
      partnerId: partner.id,
      from: partner.status,
      to: "ACTIVE",
      reason: null,
      operatorId: actor.personId,
      data: { contractNumber: input.contractNumber, contractDate: input.contractDate },
    });
    const contractDate = input.contractDate.toISOString().slice(0, 10);
    return {
      data: { partnerId: partner.id },
      audit: {
        partnerId: partner.id,
        targetType: "partner",
        targetId: partner.id,
        details: {
          before: { status: partner.status },
          after: { status: "ACTIVE", contractNumber: input.contractNumber, contractDate },
        },
      },
    };
  },
});
