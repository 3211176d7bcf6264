import { z } from "zod";
import { DOCUMENT_CATEGORIES } from "@/lib/permissions/catalog";

export const documentCategory = z.enum(DOCUMENT_CATEGORIES);
export type DocumentCategoryKey = z.infer<typeof documentCategory>;
export const DOCUMENT_DIRECTIONS = ["INTERNAL", "TO_OUTSOURCER", "FROM_OUTSOURCER"] as const;
export const DOCUMENT_STATUSES = ["DRAFT", "SENT", "ARCHIVED"] as const;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, "too_long").optional());
/** A month as YYYY-MM (the period a document covers). */
const month = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "invalid_month")
    .optional(),
);

/** Filters of a document list (library, desk, API); unknown values are errors, blanks are "any". */
export const documentListSchema = z.object({
  q: optionalText(200),
  category: z.preprocess(blankToUndefined, documentCategory.optional()),
  direction: z.preprocess(blankToUndefined, z.enum(DOCUMENT_DIRECTIONS).optional()),
  status: z.preprocess(blankToUndefined, z.enum(DOCUMENT_STATUSES).optional()),
  period: month,
  /** Only documents the reader has not opened yet (an inbox). */
  unread: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()).default(false),
  /** The desk narrows to one Partner it serves. */
  partnerId: z.preprocess(blankToUndefined, z.uuid().optional()),
  cursor: z.preprocess(blankToUndefined, z.string().max(1024).optional()),
});
export type DocumentListInput = z.infer<typeof documentListSchema>;

/** Text fields of an upload (multipart fields before the file parts). */
export const uploadFieldsSchema = z.object({
  category: z.preprocess(blankToUndefined, documentCategory.optional()),
  title: optionalText(200),
  description: optionalText(2000),
  period: month,
  /** A new version of this document instead of a new document. */
  documentId: z.preprocess(blankToUndefined, z.uuid().optional()),
  /** Staff: the Partner the document goes to. */
  partnerId: z.preprocess(blankToUndefined, z.uuid().optional()),
});
export type UploadFields = z.infer<typeof uploadFieldsSchema>;

export const storedFileSchema = z.object({
  storageKey: z.string().regex(/^documents\/[a-z0-9/-]+$/),
  originalName: z.string().min(1).max(255),
  mime: z.string().min(1).max(100),
  size: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  scanStatus: z.enum(["NOT_SCANNED", "PENDING", "CLEAN"]),
});
export type StoredFile = z.infer<typeof storedFileSchema>;

export const documentIdSchema = z.object({ documentId: z.uuid() });

/** First and last day of a YYYY-MM month, as dates. */
export function monthRange(value: string): { start: Date; end: Date } {
  const [y = 1970, m = 1] = value.split("-").map(Number);
  return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 0)) };
}
