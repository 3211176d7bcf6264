import { z } from "zod";
import { MAX_ATTACHMENTS, MAX_TEXT, REQUEST_CATEGORIES, REQUEST_PRIORITIES, REQUEST_STATUSES } from "./constants";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const flag = z.preprocess((v) => v === "1" || v === "true" || v === true || v === "on", z.boolean()).default(false);

/** Document ids from a form (repeated field or comma list) or JSON (array). */
const documentIds = z.preprocess(
  (v) =>
    v === undefined || v === null || v === ""
      ? []
      : typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
  z.array(z.uuid()).max(MAX_ATTACHMENTS, "too_many").default([]),
);
const text = z.string().trim().min(1, "required").max(MAX_TEXT, "too_long");

export const createRequestSchema = z.object({
  category: z.enum(REQUEST_CATEGORIES, "required"),
  priority: z.preprocess(blankToUndefined, z.enum(REQUEST_PRIORITIES).default("normal")),
  subject: z.string().trim().min(1, "required").max(200, "too_long"),
  text,
  documentIds,
});
export type CreateRequestInput = z.infer<typeof createRequestSchema>;

export const requestIdSchema = z.object({ requestId: z.uuid() });

/** One request with a page of its thread: the newest messages, or those before a cursor. */
export const requestThreadSchema = requestIdSchema.extend({ before: z.string().max(1024).optional() });

export const replySchema = z.object({ requestId: z.uuid(), text, documentIds });

export const noteSchema = z.object({ requestId: z.uuid(), text });

/** Statuses staff set by hand; NEW is only where a request starts. */
export const setStatusSchema = z.object({
  requestId: z.uuid(),
  status: z.enum(["IN_PROGRESS", "WAITING_PARTNER", "RESOLVED", "CLOSED"]),
});

export const assignSchema = z.object({
  requestIds: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
    z.array(z.uuid()).min(1, "required").max(100, "too_many"),
  ),
  staffMemberId: z.uuid("required"),
});

/** Filters of the desk queue and the cabinet list; blanks are "any". */
export const requestListSchema = z.object({
  /** "open" (default), "all", or one status. */
  status: z.preprocess(blankToUndefined, z.enum(["open", "all", ...REQUEST_STATUSES]).default("open")),
  category: z.preprocess(blankToUndefined, z.enum(REQUEST_CATEGORIES).optional()),
  partnerId: z.preprocess(blankToUndefined, z.uuid().optional()),
  /** Part of a served Partner's name, or the start of its BIN/IIN (the desk). */
  partner: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  /** A staff member's id, or "none" for unassigned. */
  assigneeId: z.preprocess(blankToUndefined, z.union([z.uuid(), z.literal("none")]).optional()),
  overdue: flag,
  unread: flag,
  cursor: z.preprocess(blankToUndefined, z.string().max(1024).optional()),
});
export type RequestListInput = z.infer<typeof requestListSchema>;

export const API_STATUS = {
  NEW: "new",
  IN_PROGRESS: "in_progress",
  WAITING_PARTNER: "waiting_partner",
  RESOLVED: "resolved",
  CLOSED: "closed",
} as const;
