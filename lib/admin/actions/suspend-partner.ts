import { defineAction } from "@/lib/actions/define-action";
import { AppError } from "@/lib/errors/app-error";
import { suspendPartnerSchema } from "../schemas";
import { changePartnerStatus, partnerForStatus } from "./partner-status";

/**
 * Suspends or blocks a Partner with a reason its members are shown (OPS-2). Their sessions in this
 * cabinet end in the same transaction; the serving company's staff keep reading it on the desk.
 */
export const suspendPartner = defineAction({
  name: "admin.suspendPartner",
  input: suspendPartnerSchema,
  access: { operator: "platform.partners.manage" },
  audit: "partner.suspended",
  async handler({ input, tx, actor }) {
    const partner = await partnerForStatus(tx, input.partnerId);
    if (partner.status === input.status) throw new AppError("conflict", "partner_status_unchanged");
    const { sessionsEnded } = await changePartnerStatus(tx, {
      partnerId: partner.id,
      from: partner.status,
      to: input.status,
      reason: input.reason,
      operatorId: actor.personId,
    });
    return {
      data: { partnerId: partner.id, sessionsEnded },
      audit: {
        partnerId: partner.id,
        targetType: "partner",
        targetId: partner.id,
        details: {
          before: { status: partner.status },
          after: { status: input.status, reason: input.reason },
          sessionsEnded,
        },
      },
    };
  },
});
