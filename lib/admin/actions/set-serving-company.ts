import { defineAction } from "@/lib/actions/define-action";
import { notFound } from "@/lib/errors/app-error";
import { setServingCompanySchema } from "../schemas";

/**
 * Sets which outsourcing company serves a Partner (OPS-1). Assignments of the former company's staff
 * stay on record but no longer reach the Partner: staff reach only Partners their company serves.
 */
export const setServingCompany = defineAction({
  name: "admin.setServingCompany",
  input: setServingCompanySchema,
  access: { operator: "platform.partners.manage" },
  audit: "partner.serving_company_changed",
  async handler({ input, tx }) {
    const partner = await tx.partner.findUnique({
      where: { id: input.partnerId },
      select: { id: true, outsourcingCompanyId: true },
    });
    if (!partner) throw notFound();
    if (input.companyId) {
      const company = await tx.outsourcingCompany.findUnique({ where: { id: input.companyId }, select: { id: true } });
      if (!company) throw notFound();
    }
    await tx.partner.update({ where: { id: partner.id }, data: { outsourcingCompanyId: input.companyId } });
    return {
      data: { partnerId: partner.id },
      audit: {
        partnerId: partner.id,
        targetType: "partner",
        targetId: partner.id,
        details: { before: { companyId: partner.outsourcingCompanyId }, after: { companyId: input.companyId } },
      },
    };
  },
});
