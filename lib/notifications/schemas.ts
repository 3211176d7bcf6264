import { z } from "zod";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, canSwitchOff } from "./kinds";

/** An opaque keyset cursor: the last row's time and id. */
export const notificationCursor = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/)
  .optional();

export const listNotificationsSchema = z.object({
  cursor: notificationCursor,
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/** Mark some (up to 100 ids) or all of one's notifications read. */
export const markReadSchema = z
  .object({
    ids: z.array(z.uuid()).min(1).max(100).optional(),
    all: z.literal(true).optional(),
  })
  .refine((v) => Boolean(v.ids) !== Boolean(v.all), { message: "required" });

export const setPreferenceSchema = z
  .object({
    kind: z.enum(NOTIFICATION_KINDS),
    channel: z.enum(NOTIFICATION_CHANNELS),
    enabled: z.boolean(),
  })
  .refine((v) => v.enabled || canSwitchOff(v.kind, v.channel), { message: "essential", path: ["enabled"] });

export const unsubscribeSchema = z.object({ token: z.string().min(1).max(600) });
