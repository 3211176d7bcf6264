import { defineAction } from "@/lib/actions/define-action";
import { writeAudit } from "@/lib/audit/write";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors/app-error";
import { isLocale } from "@/lib/i18n/config";
import { currentLegalDocuments } from "@/lib/legal/documents";
import { registerSchema } from "../schemas";

/**
 * A verified new number becomes a person, the primary user of a new Partner in demo status,
 * with each accepted legal text recorded (version, time, IP, user agent). The session that
 * verified the number continues as the person's session.
 */
export const registerPartner = defineAction({
  name: "registration.register",
  input: registerSchema,
  right: "registration",
  audit: "auth.registered",
  async handler({ input, tx, actor, ctx }) {
    const at = now();
    if (await tx.person.findUnique({ where: { phone: actor.phone }, select: { id: true } })) {
      throw new AppError("conflict", "already_registered");
    }
    const documents = await currentLegalDocuments(tx, ctx.locale, at);
    if (documents.length < 3) throw new Error("legal documents are not seeded");

    const person = await tx.person.create({
      data: { phone: actor.phone, name: input.name, email: input.email, locale: isLocale(ctx.locale) ? ctx.locale : "ru", adultConfirmedAt: at, lastActivityAt: at },
    });
    const partner = await tx.partner.create({
      data: { type: input.partnerType, name: input.partnerName, taxId: input.taxId, status: "DEMO" },
    });
    await tx.membership.create({ data: { partnerId: partner.id, personId: person.id, role: "PRIMARY" } });
    await tx.legalAcceptance.createMany({
      data: documents.map((doc) => ({ personId: person.id, documentId: doc.id, acceptedAt: at, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent })),
    });
    await tx.session.update({ where: { id: actor.sessionId }, data: { personId: person.id, activePartnerId: partner.id } });
    await writeAudit(tx, {
      action: "auth.consent_accepted",
      outcome: "SUCCESS",
      partnerId: partner.id,
      actorPersonId: person.id,
      actorRole: "PRIMARY",
      actorPhone: actor.phone,
      targetType: "person",
      targetId: person.id,
      details: { documents: documents.map((d) => ({ kind: d.kind, version: d.version, locale: d.locale })), adultConfirmed: true },
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent,
      requestId: ctx.meta.requestId,
    });
    return {
      data: { personId: person.id, partnerId: partner.id },
      audit: {
        partnerId: partner.id,
        actorPersonId: person.id,
        actorRole: "PRIMARY",
        targetType: "partner",
        targetId: partner.id,
        details: { partnerType: input.partnerType, partnerName: input.partnerName, taxId: input.taxId, name: input.name, email: input.email },
      },
    };
  },
});
