/**
 * Kinds of notification (REQ-5). Each has a text in the catalogs under "notifications.kinds.<kind>"
 * with the params named by its sender. Essential kinds cannot be switched off.
 */
export const NOTIFICATION_KINDS = [
  "request.created",
  "request.message",
  "request.status",
  "request.assigned",
  "request.due_soon",
  "request.overdue",
  "document.received",
  "invitation.received",
  "share.comment",
  "share.decision",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
