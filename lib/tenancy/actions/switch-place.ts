import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { notFound } from "@/lib/errors/app-error";
import { actorForPlace, roleOf, type ActivePlace } from "../actor";
import { loadPlaces } from "../places";

const switchPlaceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("CABINET"), partnerId: z.uuid() }).strict(),
  z.object({ kind: z.literal("DESK"), companyId: z.uuid() }).strict(),
  z.object({ kind: z.literal("ADMIN") }).strict(),
  z.object({ kind: z.literal("SHARED") }).strict(),
]);

/**
 * Makes another of the person's places the active one: a cabinet, a desk, the back office or the
 * documents shared with them. The place comes from the input, so it is accepted only when this
 * very person holds it now; anything else is "not found".
 */
export const switchPlace = defineAction({
  name: "place.switch",
  input: switchPlaceSchema,
  access: "self",
  audit: "place.switched",
  async handler({ input, tx, actor }) {
    const places = await loadPlaces(actor.personId, tx);
    const target = actorForPlace(actor, input as ActivePlace, places);
    if (!target) throw notFound();
    await tx.session.update({
      where: { id: actor.sessionId },
      data: {
        activePlace: input.kind,
        ...(input.kind === "CABINET" ? { activePartnerId: input.partnerId } : {}),
        ...(input.kind === "DESK" ? { activeCompanyId: input.companyId } : {}),
      },
    });
    const from = actor.kind === "person" ? null : actor.kind === "member" ? `member:${actor.partnerId}` : actor.kind;
    return {
      data: { kind: input.kind },
      audit: {
        partnerId: target.kind === "member" ? target.partnerId : null,
        actorRole: roleOf(target),
        targetType: input.kind === "CABINET" ? "partner" : input.kind === "DESK" ? "outsourcing_company" : "place",
        targetId: input.kind === "CABINET" ? input.partnerId : input.kind === "DESK" ? input.companyId : input.kind,
        details: { to: input.kind, from },
      },
    };
  },
});
