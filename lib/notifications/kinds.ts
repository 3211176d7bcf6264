/**
 * Kinds of notification (REQ-5). Each has a text in the catalogs under "notifications.kinds.<kind>"
 * with the params named by its sender. Essential kinds cannot be switched off.
 * Import-free: client components and the settings form read these lists too.
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
  "signature.turn",
  "signature.reminder",
  "signature.completed",
  "signature.declined",
  "signature.expired",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ["SMS", "EMAIL"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * Essential kinds: their SMS copy cannot be switched off (a missed deadline costs the Partner
 * money). Their e-mail still can, through the settings or the unsubscribe link of every e-mail.
 */
export const ESSENTIAL_KINDS: readonly NotificationKind[] = ["request.overdue"];

/** Kinds copied by SMS unless the person switched it off: the urgent ones. */
export const SMS_BY_DEFAULT: readonly NotificationKind[] = [
  "request.status",
  "request.overdue",
  "signature.turn",
  "signature.reminder",
];

/** E-mail copies go for every kind by default, when the person has an address. */
export const EMAIL_BY_DEFAULT: readonly NotificationKind[] = NOTIFICATION_KINDS;

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** Whether a copy goes when the person made no choice. */
export function defaultEnabled(kind: NotificationKind, channel: NotificationChannel): boolean {
  return channel === "SMS" ? SMS_BY_DEFAULT.includes(kind) : EMAIL_BY_DEFAULT.includes(kind);
}

/** Whether a copy may be switched off by the person. */
export function canSwitchOff(kind: NotificationKind, channel: NotificationChannel): boolean {
  return channel === "EMAIL" || !ESSENTIAL_KINDS.includes(kind);
}

/** The server-sent event stream of the bell, and the name of the PostgreSQL channel behind it. */
export const NOTIFICATION_STREAM_PATH = "/api/notifications/stream";
export const PG_CHANNEL = "notifications";
