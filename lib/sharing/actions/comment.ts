import { createHash } from "node:crypto";
import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { visibleDocuments } from "@/lib/documents/access";
import { notFound } from "@/lib/errors/app-error";
import { notify } from "@/lib/notifications/notify";
import { sharedDocumentsOf } from "../access";
import { commentSchema } from "../schemas";

/**
 * A comment in a shared document's one thread (DOC-4): by a counterparty whose live grant of it has
 * the comment right, or by a member who can see the document and has "sharing: view". Immutable once
 * written (a trigger refuses changes); its SHA-256 is kept like a request message's. The other side is told.
 */
export const commentShared = defineAction({
  name: "sharing.comment",
  input: commentSchema,
  access: { member: "sharing.view", counterparty: "shared.view" },
  audit: "share.commented",
  async handler({ input, tx, actor }) {
    const where =
      actor.kind === "member"
        ? { id: input.documentId, ...visibleDocuments(actor), shares: { some: {} } }
        : { id: input.documentId, ...sharedDocumentsOf(actor.personId, "comment") };
    const document = await tx.document.findFirst({ where, select: { id: true, partnerId: true, title: true } });
    if (!document) throw notFound();
    const sha256 = createHash("sha256").update(input.body, "utf8").digest("hex");
    const comment = await tx.shareComment.create({
      data: {
        partnerId: document.partnerId,
        documentId: document.id,
        authorId: actor.personId,
        side: actor.kind,
        body: input.body,
        sha256,
      },
      select: { id: true, createdAt: true },
    });
    if (actor.kind === "counterparty") {
      const grants = await tx.shareGrant.findMany({
        where: { documents: { some: { documentId: document.id } }, personId: actor.personId },
        select: { createdById: true },
      });
      await notify(tx, {
        personIds: grants.map((g) => g.createdById),
        kind: "share.comment",
        partnerId: document.partnerId,
        params: { title: document.title },
        link: `/cabinet/documents/${document.id}`,
      });
    } else {
      const grants = await tx.shareGrant.findMany({
        where: {
          documents: { some: { documentId: document.id } },
          revokedAt: null,
          expiresAt: { gt: now() },
          rights: { has: "comment" },
        },
        select: { personId: true },
      });
      await notify(tx, {
        personIds: grants.map((g) => g.personId).filter((id) => id !== actor.personId),
        kind: "share.comment",
        partnerId: document.partnerId,
        params: { title: document.title },
        link: `/shared/documents/${document.id}`,
      });
    }
    return {
      data: { id: comment.id, createdAt: comment.createdAt, sha256 },
      audit: {
        partnerId: document.partnerId,
        targetType: "document",
        targetId: document.id,
        details: { commentId: comment.id, sha256 },
      },
    };
  },
});
