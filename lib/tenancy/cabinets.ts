import { getDb } from "@/lib/db/client";

/** The Partners a person may enter, with their role in each (only their own memberships). */
export async function getPersonCabinets(personId: string) {
  const memberships = await getDb().membership.findMany({
    where: { personId, status: "ACTIVE", partner: { status: { in: ["DEMO", "ACTIVE"] } } },
    orderBy: { createdAt: "asc" },
    select: { role: true, partner: { select: { id: true, name: true, type: true, status: true } } },
  });
  return memberships.map((m) => ({
    partnerId: m.partner.id,
    name: m.partner.name,
    type: m.partner.type,
    status: m.partner.status,
    role: m.role,
  }));
}
