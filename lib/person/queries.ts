import { z } from "zod";
import { listActiveSessions } from "@/lib/auth/session";
import { defineLoader } from "@/lib/tenancy/loader";
import { loadPlaces } from "@/lib/tenancy/places";

/** What the profile page shows a person about themselves: only their own record, by the actor's id. */
export const ownProfileLoader = defineLoader({
  name: "person.ownProfile",
  access: "self",
  input: z.object({}),
  async load({ db, actor }) {
    const person = await db.person.findUniqueOrThrow({
      where: { id: actor.personId },
      select: { name: true, email: true, phone: true, locale: true },
    });
    const sessions = await listActiveSessions(db, actor.personId);
    return { person, sessions };
  },
});

const PLACE_OF_KIND = { member: "CABINET", staff: "DESK", operator: "ADMIN", counterparty: "SHARED" } as const;

/** The places a person holds and the one they act in (the mobile API's `/me`). */
export const ownPlacesLoader = defineLoader({
  name: "person.ownPlaces",
  access: "self",
  input: z.object({}),
  async load({ db, actor }) {
    const places = await loadPlaces(actor.personId, db);
    return {
      activePlace: actor.kind === "person" ? null : PLACE_OF_KIND[actor.kind],
      activePartnerId: actor.kind === "member" ? actor.partnerId : null,
      cabinets: places.cabinets.map((c) => ({
        partnerId: c.partnerId,
        name: c.name,
        type: c.type,
        status: c.status,
        role: c.role,
      })),
      desks: places.desks.map((d) => ({ companyId: d.companyId, name: d.companyName, role: d.role })),
      operatorRole: places.operatorRole,
    };
  },
});
