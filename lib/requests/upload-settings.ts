import { env } from "@/lib/env";
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_LABEL } from "@/lib/documents/inspect/allowed";
import { MIB } from "@/lib/documents/storage-quota";
import { DOCUMENT_CATEGORIES, can } from "@/lib/permissions/catalog";
import type { MemberActor } from "@/lib/tenancy/actor";
import type { RequestCategoryKey } from "./constants";

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

/** The library category a staff member's attachment to a request of this category is filed under. */
const DESK_CATEGORY: Record<RequestCategoryKey, (typeof DOCUMENT_CATEGORIES)[number]> = {
  accounting: "acts_invoices",
  tax_reporting: "tax_reports",
  payroll_hr: "hr",
  legal: "contracts",
  other: "other",
};

/**
 * How staff attach files to a reply: uploaded through the desk's route into the Partner's library,
 * which sends each to the Partner as it lands (the documents module's rule for the desk), filed
 * under the category that matches the request's.
 */
export function deskAttachmentUpload(request: { partnerId: string; category: RequestCategoryKey }) {
  return {
    maxBytes: env().UPLOAD_MAX_MB * MIB,
    accept: ACCEPT_ATTRIBUTE,
    allowedTypes: ALLOWED_TYPES_LABEL,
    category: DESK_CATEGORY[request.category],
    endpoint: `/api/documents/upload?partnerId=${request.partnerId}`,
  };
}
