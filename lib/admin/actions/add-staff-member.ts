import { defineAction } from "@/lib/actions/define-action";
import { AppError, notFound } from "@/lib/errors/app-error";
import { translator } from "@/lib/i18n/messages";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { loginUrl } from "@/lib/members/invitation-sms";
import { plainName } from "@/lib/sms/plain-text";
import { addStaffMemberSchema } from "../schemas";

/**
 * An operator adds a person to an outsourcing company's staff (OPS-1), by phone: a known person keeps
 * their name; a new number gets a person record and registers nothing else (staff log in by code).
 * The invitation SMS is a job enqueued in this transaction: it leaves only if the change commits.
 */
export const addStaffMember = defineAction({
  name: "admin.addStaffMember",
  input: addStaffMemberSchema,
  access: { operator: "platform.staff.manage" },
  audit: "staff.added",
  async handler({ input, tx }) {
    const company = await tx.outsourcingCompany.findUnique({
      where: { id: input.companyId },
      select: { id: true, name: true },
    });
    if (!company) throw notFound();
    const person =
      (await tx.person.findUnique({ where: { phone: input.phone }, select: { id: true, locale: true } })) ??
      (await tx.person.create({ data: { phone: input.phone, name: input.name }, select: { id: true, locale: true } }));
    const existing = await tx.staffMember.findFirst({
      where: { companyId: company.id, personId: person.id },
      select: { id: true },
    });
    if (existing) throw new AppError("conflict", "invalid_input", { phone: ["already_staff"] });
    const staffMember = await tx.staffMember.create({
      data: { companyId: company.id, personId: person.id, role: input.role },
      select: { id: true },
    });
    const text = translator(person.locale)("admin.sms.staffInvitation", {
      company: plainName(company.name),
      link: loginUrl(),
    });
    await enqueueJob(tx, "sms.send", { to: input.phone, text });
    return {
      data: { staffMemberId: staffMember.id, personId: person.id },
      audit: {
        targetType: "staff_member",
        targetId: staffMember.id,
        details: { companyId: company.id, personId: person.id, role: input.role },
      },
    };
  },
});
