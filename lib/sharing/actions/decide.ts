import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { notFound } from "@/lib/errors/app-error";
import { notify } from "@/lib/notifications/notify";
import { liveGrantOf, openableVersion, sharedDocumentsOf } from "../access";

const approveSchema = z.object({ documentId: z.uuid(), versionId: z.uuid().optional() }).strict();
const rejectSchema = approveSchema.extend({ reason: z.string().trim().min(1).max(2000) }).strict();

/**
 * A counterparty whose live grant of the document has the approve right approves or rejects one
 * version (the current one unless named); a rejection needs a reason. The Partner's users who shared
 * it are told.
 */
type DecideInput = { documentId: string; versionId?: string; reason?: string };

function decide(name: string, schema: z.ZodType<DecideInput>, audit: "share.approved" | "share.rejected") {
  return defineAction({
    name,
    input: schema,
    access: { counterparty: "shared.view" },
    audit,
    async handler({ input, tx, actor }) {
      const document = await tx.document.findFirst({
        where: { id: input.documentId, ...sharedDocumentsOf(actor.personId, "approve") },
        select: { id: true, partnerId: true, title: true, currentVersionId: true },
      });
      if (!document) throw notFound();
      const version = await tx.documentVersion.findFirst({
        where: {
          documentId: document.id,
          id: input.versionId ?? document.currentVersionId ?? undefined,
          ...openableVersion,
        },
        select: { id: true, number: true, sha256: true },
      });
      if (!version) throw notFound();
      const grant = await tx.shareGrant.findFirstOrThrow({
        where: { ...liveGrantOf(actor.personId, "approve"), documents: { some: { documentId: document.id } } },
        select: { id: true, createdById: true },
        orderBy: { createdAt: "desc" },
      });
      const decision = audit === "share.approved" ? "APPROVED" : "REJECTED";
      const reason = input.reason ?? null;
      const row = await tx.shareDecision.create({
        data: {
          partnerId: document.partnerId,
          documentId: document.id,
          versionId: version.id,
          grantId: grant.id,
          personId: actor.personId,
          decision,
          reason,
        },
        select: { id: true, createdAt: true },
      });
      await notify(tx, {
        personIds: [grant.createdById],
        kind: "share.decision",
        partnerId: document.partnerId,
        params: { title: document.title, decision: decision.toLowerCase() },
        link: `/cabinet/documents/${document.id}`,
      });
      return {
        data: { id: row.id, decision, versionId: version.id },
        audit: {
          partnerId: document.partnerId,
          targetType: "document",
          targetId: document.id,
          details: { decisionId: row.id, version: version.id, number: version.number, sha256: version.sha256, reason },
        },
      };
    },
  });
}

export const approveShared = decide("sharing.approve", approveSchema, "share.approved");
export const rejectShared = decide("sharing.reject", rejectSchema, "share.rejected");
