import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { notFound } from "@/lib/errors/app-error";

/**
 * Makes another of the person's cabinets the active one. The Partner comes from the input here,
 * so it is accepted only with an active membership of this very person; anything else is "not found".
 */
export const switchCabinet = defineAction({
  name: "cabinet.switch",
  input: z.object({ partnerId: z.uuid() }).strict(),
  right: "self",
  audit: "cabinet.switched",
  async handler({ input, tx, actor }) {
    const membership = await tx.membership.findFirst({
      where: {
        partnerId: input.partnerId,
        personId: actor.personId,
        status: "ACTIVE",
        partner: { status: { in: ["DEMO", "ACTIVE"] } },
      },
      select: { partnerId: true, role: true },
    });
    if (!membership) throw notFound();
    const from = actor.kind === "member" ? actor.partnerId : null;
    await tx.session.update({ where: { id: actor.sessionId }, data: { activePartnerId: membership.partnerId } });
    return {
      data: { partnerId: membership.partnerId },
      audit: {
        partnerId: membership.partnerId,
        actorRole: membership.role,
        targetType: "partner",
        targetId: membership.partnerId,
        details: { from },
      },
    };
  },
});
