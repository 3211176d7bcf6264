import { z } from "zod";
import { defineLoader } from "@/lib/tenancy/loader";

/**
 * Cabinets of the person that an operator suspended or blocked, with the reason: places ignore such
 * Partners, so the cabinet page explains why a member has lost theirs rather than saying they have none.
 */
export const closedCabinetsLoader = defineLoader({
  name: "partner.closedCabinets",
  access: "self",
  input: z.object({}),
  async load({ db, actor }) {
    const rows = await db.membership.findMany({
      where: { personId: actor.personId, status: "ACTIVE", partner: { status: { in: ["SUSPENDED", "BLOCKED"] } } },
      orderBy: { createdAt: "asc" },
      select: { partner: { select: { id: true, name: true, status: true, statusReason: true } } },
    });
    return rows.map((r) => r.partner);
  },
});
