import { env } from "@/lib/env";
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_LABEL } from "@/lib/documents/inspect/allowed";
import { MIB } from "@/lib/documents/storage-quota";
import { DOCUMENT_CATEGORIES, can } from "@/lib/permissions/catalog";
import type { MemberActor } from "@/lib/tenancy/actor";

/**
 * How a member uploads attachments into the library: only with "documents: edit", into "other" or
 * the first category a RESTRICTED member may use; null when they may not upload at all.
 */
export function attachmentUpload(actor: MemberActor) {
  if (!can(actor.rights, "documents.edit")) return null;
  const categories =
    actor.role === "RESTRICTED"
      ? DOCUMENT_CATEGORIES.filter((c) => actor.documentCategories.includes(c))
      : DOCUMENT_CATEGORIES;
  const category = categories.includes("other") ? "other" : categories[0];
  if (!category) return null;
  return {
    maxBytes: env().UPLOAD_MAX_MB * MIB,
    accept: ACCEPT_ATTRIBUTE,
    allowedTypes: ALLOWED_TYPES_LABEL,
    category,
  };
}
