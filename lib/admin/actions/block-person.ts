import { defineAction } from "@/lib/actions/define-action";
import { personSubject, personal } from "@/lib/audit/personal-data";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors/app-error";
import { blockPersonSchema } from "../schemas";

/**
 * Blocks a person pending review (AUD-5, 003 §7.5): their logins are refused at the code step
 * (lib/auth/login.ts) and no session of theirs is honoured (lib/auth/session.ts), both read from
 * `person_block`; their live sessions are also ended here. Reversible with admin.unblockPerson.
 */
export const blockPerson = defineAction({
  name: "admin.blockPerson",
  input: blockPersonSchema,
  access: { operator: "platform.security.manage" },
  audit: "security.person_blocked",
  async handler({ input, tx, actor }) {
    const at = now();
    const person = await tx.person.findUnique({
      where: { id: input.personId },
      select: { id: true, block: { select: { createdAt: true } } },
    });
    if (!person) throw notFound();
    if (person.id === actor.personId) throw new AppError("conflict", "cannot_block_self");
    if (person.block) throw new AppError("conflict", "person_already_blocked");
    if (input.findingId) {
      const finding = await tx.suspiciousActivity.findUnique({ where: { id: input.findingId }, select: { id: true } });
      if (!finding) throw notFound();
    }
    await tx.personBlock.create({
      data: {
        personId: person.id,
        reason: input.reason,
        findingId: input.findingId ?? null,
        blockedById: actor.personId,
        createdAt: at,
      },
    });
    const sessions = await tx.session.updateMany({
      where: { personId: person.id, revokedAt: null },
      data: { revokedAt: at, revokeReason: "person_blocked" },
    });
    return {
      data: { personId: person.id, sessionsEnded: sessions.count },
      audit: {
        targetType: "person",
        targetId: person.id,
        // The reason is about the person: sealed under their key, so it goes with an erasure.
        details: {
          reason: personal(personSubject(person.id), input.reason),
          findingId: input.findingId ?? null,
          sessionsEnded: sessions.count,
        },
      },
    };
  },
});
