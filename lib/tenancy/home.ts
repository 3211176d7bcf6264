import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { partnerScoped } from "@/lib/db/tenant";

/** Invitations of the Partner still waiting for an answer, newest first (for those who manage users). */
export async function getOpenInvitations(partnerId: string, take = 5) {
  const db = partnerScoped(getDb(), partnerId);
  const where = { status: "PENDING" as const, expiresAt: { gt: now() } };
  const [rows, total] = await Promise.all([
    db.invitation.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, name: true, phone: true, expiresAt: true },
    }),
    db.invitation.count({ where }),
  ]);
  return { rows, total };
}

/** The outsourcing company serving the Partner and its staff, whom the Partner's users may call. */
export async function getServingCompany(partnerId: string) {
  const partner = await getDb().partner.findUnique({
    where: { id: partnerId },
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
}
