import { randomInt } from "node:crypto";
import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { visibleDocuments } from "@/lib/documents/access";
import { AppError, DeniedError, notFound } from "@/lib/errors/app-error";
import { can, rightsForMember } from "@/lib/permissions/catalog";
import { openableVersion } from "@/lib/sharing/access";
import { createGrant } from "@/lib/sharing/grant";
import { DEFAULT_ROUTE_DAYS, MAX_ROUTE_DAYS, ROUTE_SHARE_EXTRA_DAYS, SHORT_ID_LENGTH } from "../constants";
import { notifyTurn, stepsOnTurn } from "../progress";
import { createRouteSchema } from "../schemas";

const DAY_MS = 24 * 60 * 60 * 1000;
const SHORT_ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

/** A random short id for the public verification link: letters and digits that cannot be misread. */
export function newShortId(): string {
  return Array.from({ length: SHORT_ID_LENGTH }, () => SHORT_ID_ALPHABET[randomInt(SHORT_ID_ALPHABET.length)]).join("");
}

const fieldError = (field: string, key: string) => new AppError("invalid_input", "invalid_input", { [field]: [key] });

/**
 * A member with "documents: edit" sends the document's current version for approval or signature
 * (DOC-5) to a list of people, in order or all at once, until a deadline: the Partner's active users
 * who may see the document, staff of the serving company who reach the Partner (only for a document
 * that went between the two), and counterparties, for whom a share grant with the sign (or approve)
 * right is made through the sharing module (that needs "sharing: edit" too; the SMS goes as a job).
 * The people whose turn it is are notified. One live route per document at a time.
 */
export const createRoute = defineAction({
  name: "signatures.createRoute",
  input: createRouteSchema,
  access: { member: "documents.edit" },
  audit: "signature.route_created",
  async handler({ input, tx, actor, ctx }) {
    const at = now();
    const deadline = input.deadline ?? new Date(at.getTime() + DEFAULT_ROUTE_DAYS * DAY_MS);
    if (deadline.getTime() <= at.getTime() || deadline.getTime() > at.getTime() + MAX_ROUTE_DAYS * DAY_MS)
      throw fieldError("deadline", "route_deadline_range");

    const document = await tx.document.findFirst({
      where: { id: input.documentId, archivedAt: null, ...visibleDocuments(actor) },
      select: { id: true, title: true, category: true, direction: true, companyId: true, currentVersionId: true },
    });
    if (!document?.currentVersionId) throw notFound();
    if (input.versionId && input.versionId !== document.currentVersionId)
      throw new AppError("conflict", "route_version_not_current");
    const version = await tx.documentVersion.findFirst({
      where: { id: document.currentVersionId, documentId: document.id, ...openableVersion },
      select: { id: true, number: true, sha256: true },
    });
    if (!version) throw new AppError("conflict", "document_scan_pending");
    const live = await tx.signatureRoute.findFirst({
      where: { documentId: document.id, status: "ACTIVE", deadline: { gt: at } },
      select: { id: true },
    });
    if (live) throw new AppError("conflict", "route_already_active");

    const counterparties = input.signers.filter((s) => s.kind === "counterparty");
    if (counterparties.length > 0 && !can(actor.rights, "sharing.edit"))
      throw new DeniedError("forbidden", "route_counterparty_forbidden", undefined, "missing_sharing_right");

    const partner = await tx.partner.findUniqueOrThrow({
      where: { id: actor.partnerId },
      select: { name: true, outsourcingCompanyId: true },
    });
    const signerRight = input.purpose === "SIGNATURE" ? "sign" : "approve";
    const steps: { personId: string; side: "member" | "staff" | "counterparty"; grantId: string | null }[] = [];
    for (const signer of input.signers) {
      if (signer.kind === "member") {
        const membership = await tx.membership.findFirst({
          where: { personId: signer.personId, status: "ACTIVE" },
          select: { role: true, rights: true, documentCategories: true },
        });
        if (!membership) throw fieldError("signers", "route_signer_unknown");
        const sees =
          can(rightsForMember(membership.role, membership.rights), "documents.view") &&
          (membership.role !== "RESTRICTED" || membership.documentCategories.includes(document.category));
        if (!sees) throw fieldError("signers", "route_signer_cannot_see");
        steps.push({ personId: signer.personId, side: "member", grantId: null });
      } else if (signer.kind === "staff") {
        const staff = partner.outsourcingCompanyId
          ? await tx.staffMember.findFirst({
              where: {
                personId: signer.personId,
                companyId: partner.outsourcingCompanyId,
                OR: [{ role: "MANAGER" }, { assignments: { some: { partnerId: actor.partnerId } } }],
              },
              select: { id: true },
            })
          : null;
        if (!staff) throw fieldError("signers", "route_signer_unknown");
        const sent = document.companyId === partner.outsourcingCompanyId && document.direction !== "INTERNAL";
        if (!sent) throw fieldError("signers", "route_staff_not_sent");
        steps.push({ personId: signer.personId, side: "staff", grantId: null });
      } else {
        if (signer.phone === actor.phone) throw fieldError("signers", "share_self");
        const grant = await createGrant(tx, {
          partnerId: actor.partnerId,
          createdById: actor.personId,
          locale: ctx.locale,
          documentIds: [document.id],
          phone: signer.phone,
          name: signer.name,
          organisationName: signer.organisationName,
          organisationBin: signer.organisationBin,
          rights: ["view", "comment", signerRight],
          expiresAt: new Date(deadline.getTime() + ROUTE_SHARE_EXTRA_DAYS * DAY_MS),
          allowDownload: true,
          watermark: false,
        });
        steps.push({ personId: grant.personId, side: "counterparty", grantId: grant.grantId });
      }
    }
    if (new Set(steps.map((s) => s.personId)).size !== steps.length) throw fieldError("signers", "route_signer_twice");

    const route = await tx.signatureRoute.create({
      data: {
        partnerId: actor.partnerId,
        documentId: document.id,
        versionId: version.id,
        sha256: version.sha256,
        purpose: input.purpose,
        ordering: input.ordering,
        deadline,
        shortId: newShortId(),
        documentTitle: document.title,
        partnerName: partner.name,
        createdById: actor.personId,
      },
      select: {
        id: true,
        partnerId: true,
        documentId: true,
        purpose: true,
        ordering: true,
        status: true,
        deadline: true,
        documentTitle: true,
        createdById: true,
        shortId: true,
      },
    });
    await tx.signatureRouteStep.createMany({
      data: steps.map((s, i) => ({ partnerId: actor.partnerId, routeId: route.id, position: i + 1, ...s })),
    });
    const rows = await tx.signatureRouteStep.findMany({
      where: { routeId: route.id },
      select: { id: true, position: true, personId: true, side: true, status: true },
    });
    await notifyTurn(tx, route, stepsOnTurn(route, rows, at), at, actor.personId);
    return {
      data: { id: route.id, shortId: route.shortId, steps: rows.map((r) => ({ id: r.id, position: r.position })) },
      audit: {
        targetType: "document",
        targetId: document.id,
        details: {
          routeId: route.id,
          version: version.id,
          number: version.number,
          sha256: version.sha256,
          purpose: input.purpose,
          ordering: input.ordering,
          deadline: deadline.toISOString(),
          steps: steps.map((s) => ({ personId: s.personId, side: s.side, grantId: s.grantId })),
        },
      },
    };
  },
});
