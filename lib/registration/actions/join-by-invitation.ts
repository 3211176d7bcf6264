import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { writeAudit } from "@/lib/audit/write";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors/app-error";
import { isLocale } from "@/lib/i18n/config";
import { currentLegalDocuments } from "@/lib/legal/documents";
import { joinByInvitation } from "@/lib/members/join";
import { registerSchema } from "../schemas";

export const joinByInvitationSchema = registerSchema.pick({ name: true, email: true, accept: true, adult: true }).extend({ invitationId: z.uuid() });

/**
 * A new number that was invited joins the inviting Partner instead of registering its own: the
 * person is created with the legal texts accepted (version, time, IP, user agent), then the
 * invitation becomes their membership.
 */
export const joinPartnerByInvitation = defineAction({
  name: "registration.joinByInvitation",
  input: joinByInvitationSchema,
  right: "registration",
  audit: "member.invitation_accepted",
  async handler({ input, tx, actor, ctx }) {
    const at = now();
    if (await tx.person.findUnique({ where: { phone: actor.phone }, select: { id: true } })) throw new AppError("conflict", "already_registered");
    const documents = await currentLegalDocuments(tx, ctx.locale, at);
    if (documents.length < 3) throw new Error("legal documents are not seeded");
    const person = await tx.person.create({
      data: { phone: actor.phone, name: input.name, email: input.email, locale: isLocale(ctx.locale) ? ctx.locale : "ru", adultConfirmedAt: at, lastActivityAt: at },
    });
    await tx.legalAcceptance.createMany({
      data: documents.map((doc) => ({ personId: person.id, documentId: doc.id, acceptedAt: at, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent })),
    });
    const joined = await joinByInvitation(tx, { invitationId: input.invitationId, phone: actor.phone, personId: person.id, sessionId: actor.sessionId, at });
    await writeAudit(tx, {
      action: "auth.consent_accepted",
      outcome: "SUCCESS",
      partnerId: joined.partnerId,
      actorPersonId: person.id,
      actorRole: joined.audit.actorRole,
      actorPhone: actor.phone,
      targetType: "person",
      targetId: person.id,
      details: { documents: documents.map((d) => ({ kind: d.kind, version: d.version, locale: d.locale })), adultConfirmed: true },
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent,
      requestId: ctx.meta.requestId,
    });
    return { data: { personId: person.id, partnerId: joined.partnerId }, audit: { ...joined.audit, actorPersonId: person.id } };
  },
});
