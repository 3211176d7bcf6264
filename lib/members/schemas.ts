import { z } from "zod";
import { otpCodeSchema, phoneSchema } from "@/lib/auth/schemas";
import {
  DOCUMENT_CATEGORIES,
  MODULE_ACCESS_LEVELS,
  RESTRICTABLE_MODULES,
  type RestrictableModule,
  type RestrictedRights,
} from "@/lib/permissions/catalog";
import { nameSchema } from "@/lib/validation/name";

/** Roles a primary user can hand out; PRIMARY is never granted by invitation (AUTH-8 covers its transfer). */
export const GRANTABLE_ROLES = ["FULL", "RESTRICTED"] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

const access = z.enum(MODULE_ACCESS_LEVELS).default("none");

/** One none / view / edit choice per restrictable module (TEN-2). */
export const moduleRightsSchema = z
  .object({
    requests: access,
    documents: access,
    sharing: access,
    profile: access,
    billing: access,
    audit: access,
  } satisfies Record<RestrictableModule, typeof access>)
  .strict();

const documentCategoriesSchema = z
  .array(z.enum(DOCUMENT_CATEGORIES))
  .max(DOCUMENT_CATEGORIES.length)
  .default([])
  .transform((list) => [...new Set(list)]);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

/** The access being granted, shared by the invitation and the change of rights. */
const grantShape = {
  role: z.enum(GRANTABLE_ROLES),
  rights: moduleRightsSchema.default({
    requests: "none",
    documents: "none",
    sharing: "none",
    profile: "none",
    billing: "none",
    audit: "none",
  }),
  documentCategories: documentCategoriesSchema,
  /** The step-up code sent to the primary user's own phone (AUTH-7). */
  code: otpCodeSchema,
};

export const inviteMemberSchema = z
  .object({
    phone: phoneSchema,
    name: nameSchema({ min: 1, max: 200 }),
    position: optionalText(200),
    email: z
      .string()
      .trim()
      .max(254)
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(z.email().optional()),
    ...grantShape,
  })
  .strict();
export type InviteMemberInput = z.output<typeof inviteMemberSchema>;

export const changeMemberRightsSchema = z.object({ membershipId: z.uuid(), ...grantShape }).strict();
export type ChangeMemberRightsInput = z.output<typeof changeMemberRightsSchema>;

export const invitationIdSchema = z.object({ invitationId: z.uuid() }).strict();
export const membershipIdSchema = z.object({ membershipId: z.uuid() }).strict();

/**
 * What is stored for a grant: FULL keeps no module rights; RESTRICTED keeps only the modules it
 * opens, and document categories only while documents are open at all.
 */
export function storedGrant(input: {
  role: GrantableRole;
  rights: Record<RestrictableModule, string>;
  documentCategories: string[];
}): {
  role: GrantableRole;
  rights: RestrictedRights;
  documentCategories: string[];
} {
  if (input.role === "FULL") return { role: "FULL", rights: {}, documentCategories: [] };
  const rights: RestrictedRights = {};
  for (const mod of RESTRICTABLE_MODULES) {
    const level = input.rights[mod];
    if (level === "view" || level === "edit") rights[mod] = level;
  }
  const documentCategories = rights.documents
    ? DOCUMENT_CATEGORIES.filter((c) => input.documentCategories.includes(c))
    : [];
  return { role: "RESTRICTED", rights, documentCategories };
}
