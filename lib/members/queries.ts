import { readPlanLimits } from "@/lib/billing/limits";
import { z } from "zod";
import { now } from "@/lib/clock";
import { defineLoader } from "@/lib/tenancy/loader";

/** The users page of a Partner: members, pending invitations and the seat count (TEN-2, TEN-3). */
export const partnerUsersLoader = defineLoader({
  name: "members.list",
  access: { member: "users.manage" },
  input: z.object({}),
  async load({ db, actor }) {
    const at = now();
    const partner = { userLimit: (await readPlanLimits(db, actor.partnerId, at)).users };
    const members = await db.membership.findMany({
      orderBy: [{ status: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        role: true,
        rights: true,
        documentCategories: true,
        position: true,
        status: true,
        person: {
          select: {
            id: true,
            name: true,
            phone: true,
            lastActivityAt: true,
            sessions: { orderBy: { lastSeenAt: "desc" }, take: 1, select: { lastSeenAt: true } },
          },
        },
      },
    });
    const invitations = await db.invitation.findMany({
      where: { status: "PENDING" },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        phone: true,
        name: true,
        position: true,
        role: true,
        rights: true,
        documentCategories: true,
        expiresAt: true,
        lastSentAt: true,
        sendCount: true,
      },
    });
    const used =
      members.filter((m) => m.status === "ACTIVE").length + invitations.filter((i) => i.expiresAt > at).length;
    return {
      userLimit: partner.userLimit,
      used,
      members: members.map(({ person, ...m }) => ({
        ...m,
        personId: person.id,
        name: person.name,
        phone: person.phone,
        lastActivityAt: latest(person.lastActivityAt, person.sessions[0]?.lastSeenAt ?? null),
      })),
      invitations: invitations.map((i) => ({ ...i, expired: i.expiresAt <= at })),
    };
  },
});

/**
 * Pending, unexpired invitations sent to the caller's own phone (a logged-in person, or a verified
 * number still registering), with who sent them and from where.
 */
export const ownInvitationsLoader = defineLoader({
  name: "members.ownInvitations",
  access: "session",
  input: z.object({}),
  async load({ db, actor }) {
    const invitations = await db.invitation.findMany({
      where: {
        phone: actor.phone,
        status: "PENDING",
        expiresAt: { gt: now() },
        partner: { status: { in: ["DEMO", "ACTIVE"] } },
      },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        name: true,
        role: true,
        rights: true,
        documentCategories: true,
        position: true,
        email: true,
        expiresAt: true,
        invitedById: true,
        partnerId: true,
      },
    });
    // Most people have none: then no lookups at all (an empty list still costs a statement each).
    if (invitations.length === 0) return [];
    const [partners, inviters] = await Promise.all([
      db.partner.findMany({
        where: { id: { in: [...new Set(invitations.map((i) => i.partnerId))] } },
        select: { id: true, name: true },
      }),
      db.person.findMany({
        where: { id: { in: [...new Set(invitations.map((i) => i.invitedById))] } },
        select: { id: true, name: true },
      }),
    ]);
    const partnerNames = new Map(partners.map((p) => [p.id, p.name]));
    const names = new Map(inviters.map((p) => [p.id, p.name]));
    return invitations.map(({ partnerId, invitedById, name, ...i }) => ({
      ...i,
      invitedName: name,
      partnerName: partnerNames.get(partnerId) ?? "",
      inviterName: names.get(invitedById) ?? "",
    }));
  },
});

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
