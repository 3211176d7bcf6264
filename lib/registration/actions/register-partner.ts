import { defineAction } from "@/lib/actions/define-action";
import { personSubject, personal } from "@/lib/audit/personal-data";
import { writeAudit } from "@/lib/audit/write";
import { now } from "@/lib/clock";
import { assertTaxIdFree, withTaxIdGuard } from "@/lib/partner/tax-id";
import { createRegisteredPerson } from "../person";
import { registerSchema } from "../schemas";

/**
 * A verified new number becomes a person, the primary user of a new Partner in demo status.
 * The session that verified the number continues as the person's session.
 */
export const registerPartner = defineAction({
  name: "registration.register",
  input: registerSchema,
  access: "registration",
  audit: "auth.registered",
  async handler({ input, tx, actor, ctx }) {
    const at = now();
    await assertTaxIdFree(tx, input.taxId);
    const { person, consent } = await createRegisteredPerson(tx, {
      phone: actor.phone,
      name: input.name,
      email: input.email,
      ctx,
      at,
    });
    const partner = await withTaxIdGuard(() =>
      tx.partner.create({
        data: { type: input.partnerType, name: input.partnerName, taxId: input.taxId, status: "DEMO" },
      }),
    );
    await tx.membership.create({ data: { partnerId: partner.id, personId: person.id, role: "PRIMARY" } });
    await tx.session.update({
      where: { id: actor.sessionId },
      data: { personId: person.id, activePartnerId: partner.id },
    });
    await writeAudit(tx, consent(partner.id, "PRIMARY"));
    return {
      data: { personId: person.id, partnerId: partner.id },
      audit: {
        partnerId: partner.id,
        actorPersonId: person.id,
        actorRole: "PRIMARY",
        targetType: "partner",
        targetId: partner.id,
        details: {
          partnerType: input.partnerType,
          partnerName: input.partnerName,
          taxId: input.taxId,
          person: personal(personSubject(person.id), { name: input.name, email: input.email }),
        },
      },
    };
  },
});
