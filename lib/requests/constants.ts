/** Shared by server and client components: import-free on purpose. */
export const REQUEST_CATEGORIES = ["accounting", "tax_reporting", "payroll_hr", "legal", "other"] as const;
export type RequestCategoryKey = (typeof REQUEST_CATEGORIES)[number];
export const REQUEST_PRIORITIES = ["normal", "urgent"] as const;
export const REQUEST_STATUSES = ["NEW", "IN_PROGRESS", "WAITING_PARTNER", "RESOLVED", "CLOSED"] as const;
export type RequestStatusKey = (typeof REQUEST_STATUSES)[number];
/** Statuses in which the request is still being worked on. */
export const OPEN_STATUSES = ["NEW", "IN_PROGRESS", "WAITING_PARTNER"] as const satisfies readonly RequestStatusKey[];
/** A Partner's reply within this many days of "resolved" reopens the request; later it starts a new one. */
export const REOPEN_DAYS = 7;
/** Due-soon notice: this long before a due time. */
export const DUE_SOON_MS = 60 * 60 * 1000;
export const MAX_ATTACHMENTS = 10;
export const MAX_TEXT = 10_000;
