import { z } from "zod";
import { notFound } from "@/lib/errors/app-error";
import { PAGE_SIZE, decodeKeyset, pageOf } from "@/lib/pagination";
import { can } from "@/lib/permissions/catalog";
import { defineLoader } from "@/lib/tenancy/loader";
import { afterNameAndId, partnerSearchFilter, partnerSearchSchema } from "./schemas";

const assignmentSelect = (companyId: string | null) => ({
  // Assignments made while another company served the Partner grant nothing and are not shown.
  where: { staffMember: { companyId: companyId ?? undefined } },
  orderBy: { createdAt: "asc" as const },
  select: {
    id: true,
    responsibility: true,
    staffMember: { select: { id: true, role: true, person: { select: { name: true } } } },
  },
});

/**
 * The desk's list of Partners (OPS-1): those the staff member reaches (every Partner of the company
 * for a manager, the assigned ones otherwise), searchable by name or BIN/IIN, by name then id.
 */
export const servedPartnersLoader = defineLoader({
  name: "desk.partners",
  access: { staff: "desk.view" },
  input: partnerSearchSchema,
  async load({ input, db, actor }) {
    const rows = await db.partner.findMany({
      where: { AND: [partnerSearchFilter(input.q), afterNameAndId(decodeKeyset(input.cursor, 2))] },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: PAGE_SIZE + 1,
      select: {
        id: true,
        name: true,
        taxId: true,
        type: true,
        status: true,
        staffAssignments: assignmentSelect(actor.companyId),
      },
    });
    return { ...pageOf(rows, (r) => [r.name, r.id]), total: actor.partnerIds.length };
  },
});

/**
 * One Partner as the desk or the back office sees it: requisites read-only, who is assigned, and
 * for those who may assign, the serving company's staff to choose from.
 */
export const deskPartnerLoader = defineLoader({
  name: "desk.partner",
  access: { staff: "desk.partner.view", operator: "platform.partners.view" },
  input: z.object({ partnerId: z.uuid() }),
  async load({ input, db, actor }) {
    const partner = await db.partner.findUnique({
      where: { id: input.partnerId },
      select: {
        id: true,
        name: true,
        status: true,
        outsourcingCompany: { select: { id: true, name: true } },
      },
    });
    if (!partner) throw notFound();
    const companyId = partner.outsourcingCompany?.id ?? null;
    const assignments = companyId
      ? await db.staffAssignment.findMany({
          ...assignmentSelect(companyId),
          where: { partnerId: partner.id, staffMember: { companyId } },
        })
      : [];
    const canAssign =
      companyId !== null &&
      (actor.kind === "staff"
        ? can(actor.rights, "desk.assignments.manage")
        : can(actor.rights, "platform.assignments.manage"));
    const staff = canAssign
      ? await db.staffMember.findMany({
          where: { companyId: companyId! },
          orderBy: { createdAt: "asc" },
          select: { id: true, role: true, person: { select: { name: true } } },
        })
      : [];
    return { partner, assignments, canAssign, staff };
  },
});
