import { z } from "zod";
import { phoneSchema } from "@/lib/auth/schemas";
import { isValidKzTaxId } from "@/lib/validation/kz-tax-id";
import { nameSchema } from "@/lib/validation/name";
import { COMMENT_MAX, SHARE_RIGHTS } from "./rights";

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** A share of one or more documents with a counterparty's person (DOC-4). */
export const createShareSchema = z
  .object({
    documentIds: z.array(z.uuid()).min(1).max(50),
    phone: phoneSchema,
    name: nameSchema({ min: 1, max: 200 }),
    organisationName: nameSchema({ min: 1, max: 300 }),
    organisationBin: z.string().trim().refine(isValidKzTaxId, { message: "invalid_tax_id" }),
    rights: z
      .array(z.enum(SHARE_RIGHTS))
      .min(1)
      .max(SHARE_RIGHTS.length)
      .transform((list) => [...new Set<string>(["view", ...list])]),
    expiresAt: z.coerce.date().optional(),
    allowDownload: checkbox,
    watermark: checkbox,
  })
  .strict();
export type CreateShareInput = z.output<typeof createShareSchema>;

export const shareIdSchema = z.object({ shareId: z.uuid() }).strict();
export const documentIdSchema = z.object({ documentId: z.uuid() }).strict();

export const commentSchema = z
  .object({
    documentId: z.uuid(),
    body: z.string().trim().min(1).max(COMMENT_MAX),
  })
  .strict();
