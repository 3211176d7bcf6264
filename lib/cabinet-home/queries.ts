import { z } from "zod";
import { now } from "@/lib/clock";
import { defineLoader } from "@/lib/tenancy/loader";

/** Invitations of the Partner still waiting for an answer, newest first (for those who manage users). */
export const openInvitationsLoader = defineLoader({
  name: "cabinetHome.openInvitations",
  access: { member: "users.manage" },
  input: z.object({ take: z.number().int().min(1).max(20).default(5) }),
  async load({ db, input }) {
    const where = { status: "PENDING" as const, expiresAt: { gt: now() } };
    const [rows, total] = await Promise.all([
      db.invitation.findMany({
        where,
        orderBy: { createdAt: "desc" },
        take: input.take,
        select: { id: true, name: true, phone: true, expiresAt: true },
      }),
      db.invitation.count({ where }),
    ]);
    return { rows, total };
  },
});

/** The outsourcing company serving the member's Partner and its staff, whom the Partner's users may call. */
export const servingCompanyLoader = defineLoader({
  name: "cabinetHome.servingCompany",
  access: "self",
  input: z.object({}),
  async load({ db, actor }) {
    if (actor.kind !== "member") return null;
    const partner = await db.partner.findUnique({
      where: { id: actor.partnerId },
      select: {
        outsourcingCompany: {
          select: {
            name: true,
            staff: {
              orderBy: [{ role: "asc" }, { createdAt: "asc" }],
              take: 8,
              select: { id: true, role: true, person: { select: { name: true, phone: true, email: true } } },
            },
          },
        },
      },
    });
    return partner?.outsourcingCompany ?? null;
  },
});
