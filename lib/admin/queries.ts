import { z } from "zod";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors/app-error";
import { afterNameAndId, partnerSearchFilter } from "@/lib/desk/schemas";
import { getJobHealth } from "@/lib/jobs/health";
import { PAGE_SIZE, decodeKeyset, pageOf } from "@/lib/pagination";
import { defineLoader } from "@/lib/tenancy/loader";
import { adminPartnerSearchSchema } from "./schemas";

/** The back office's home: platform counts at a glance (OPS-1..4). */
export const platformOverviewLoader = defineLoader({
  name: "admin.overview",
  access: { operator: "platform.view" },
  input: z.object({}),
  async load({ db }) {
    const at = now();
    const [byStatus, companies, staff, people, sessions] = await Promise.all([
      db.partner.groupBy({ by: ["status"], _count: { _all: true } }),
      db.outsourcingCompany.count(),
      db.staffMember.count(),
      db.person.count(),
      db.session.count({ where: { revokedAt: null, expiresAt: { gt: at } } }),
    ]);
    const partners = Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Record<string, number>;
    return { partners, companies, staff, people, sessions };
  },
});

/** Partners across the platform: search by name or BIN/IIN, status and serving company; by name then id. */
export const adminPartnersLoader = defineLoader({
  name: "admin.partners",
  access: { operator: "platform.partners.view" },
  input: adminPartnerSearchSchema,
  async load({ input, db }) {
    const [rows, companies] = await Promise.all([
      db.partner.findMany({
        where: {
          AND: [
            partnerSearchFilter(input.q),
            input.status ? { status: input.status } : {},
            input.companyId ? { outsourcingCompanyId: input.companyId } : {},
            afterNameAndId(decodeKeyset(input.cursor, 2)),
          ],
        },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        take: PAGE_SIZE + 1,
        select: {
          id: true,
          name: true,
          taxId: true,
          type: true,
          status: true,
          outsourcingCompany: { select: { id: true, name: true } },
        },
      }),
      db.outsourcingCompany.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    ]);
    return { ...pageOf(rows, (r) => [r.name, r.id]), companies };
  },
});

/** Outsourcing companies with their staff and how many Partners each serves. */
export const companiesLoader = defineLoader({
  name: "admin.companies",
  access: { operator: "platform.companies.view" },
  input: z.object({}),
  async load({ db }) {
    return db.outsourcingCompany.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        workdayStartMinute: true,
        workdayEndMinute: true,
        _count: { select: { partners: true } },
        staff: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            role: true,
            person: { select: { name: true, phone: true } },
            _count: { select: { assignments: true } },
          },
        },
      },
    });
  },
});

/** The job queue at a glance (counts by state, the latest failures with their error), for operators. */
export const jobHealthLoader = defineLoader({
  name: "admin.jobs",
  access: { operator: "platform.jobs.view" },
  input: z.object({}),
  load: ({ db }) => getJobHealth(10, db),
});

/** A Partner's status, contract and the history of its status changes, newest first (OPS-2). */
export const partnerStatusLoader = defineLoader({
  name: "admin.partnerStatus",
  access: { operator: "platform.partners.view" },
  input: z.object({ partnerId: z.uuid() }),
  async load({ input, db }) {
    const partner = await db.partner.findUnique({
      where: { id: input.partnerId },
      select: {
        id: true,
        status: true,
        contractNumber: true,
        contractDate: true,
        statusReason: true,
        statusChangedAt: true,
        statusChanges: {
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 50,
          select: {
            id: true,
            fromStatus: true,
            toStatus: true,
            reason: true,
            createdAt: true,
            operator: { select: { name: true } },
          },
        },
      },
    });
    if (!partner) throw notFound();
    return partner;
  },
});
