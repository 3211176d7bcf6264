import type { Prisma } from "@/lib/generated/prisma/client";
import type { MemberActor, StaffActor } from "@/lib/tenancy/actor";

/** Who reads documents: members with "documents: view", staff of the serving company. */
export const DOCUMENTS_VIEW = { member: "documents.view", staff: "desk.documents.view" } as const;
/** Who uploads, adds versions and sends: members with "documents: edit", staff at the desk. */
export const DOCUMENTS_EDIT = { member: "documents.edit", staff: "desk.documents.send" } as const;

export type DocumentActor = MemberActor | StaffActor;

/**
 * The documents an actor may see, AND-ed into every query on top of the Partner scope: a RESTRICTED
 * member only the categories ticked for them; staff only what went between the Partner and their own
 * company (never a Partner's internal drafts).
 */
export function visibleDocuments(actor: DocumentActor): Prisma.DocumentWhereInput {
  if (actor.kind === "member") {
    if (actor.role !== "RESTRICTED") return {};
    return { category: { in: actor.documentCategories as Prisma.EnumDocumentCategoryFilter["in"] & string[] } };
  }
  return { companyId: actor.companyId, direction: { in: ["TO_OUTSOURCER", "FROM_OUTSOURCER"] } };
}

/** Versions an actor may open: scanned clean or not scanned, or their own upload while it waits for the scan. */
export function visibleVersions(actor: DocumentActor): Prisma.DocumentVersionWhereInput {
  return {
    OR: [{ scanStatus: { in: ["NOT_SCANNED", "CLEAN"] } }, { scanStatus: "PENDING", uploadedById: actor.personId }],
  };
}

/** The side of the exchange an actor is on: the Partner's documents are INTERNAL or TO_OUTSOURCER, staff's FROM_OUTSOURCER. */
export function ownsDirection(actor: DocumentActor, direction: string): boolean {
  return actor.kind === "member"
    ? direction === "INTERNAL" || direction === "TO_OUTSOURCER"
    : direction === "FROM_OUTSOURCER";
}
