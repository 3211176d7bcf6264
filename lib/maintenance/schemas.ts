import { z } from "zod";
import { almatyOffsetMinutes } from "@/lib/audit/almaty-time";

/** A datetime-local value (yyyy-MM-ddTHH:mm, seconds optional) read as Almaty wall time. */
export function almatyWallTimeToInstant(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 59) return null;
  const offset = almatyOffsetMinutes(new Date(wall - 5 * 3_600_000));
  return new Date(wall - offset * 60_000);
}

const wallTime = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .transform((value, ctx) => {
    const instant = almatyWallTimeToInstant(value);
    if (!instant) {
      ctx.addIssue({ code: "custom", message: "invalid_datetime" });
      return z.NEVER;
    }
    return instant;
  });

const message = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.string().trim().max(500, { error: "too_long" }).optional(),
);

/** Longest window an operator may plan at once. */
export const MAX_WINDOW_MS = 7 * 24 * 3_600_000;

/** An operator plans a window: times in Almaty, a message in one or more languages (001 §3.11). */
export const scheduleMaintenanceSchema = z
  .object({
    announceFrom: wallTime,
    startsAt: wallTime,
    endsAt: wallTime,
    messageRu: message,
    messageKk: message,
    messageEn: message,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.endsAt <= v.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "ends_before_start" });
    else if (v.endsAt.getTime() - v.startsAt.getTime() > MAX_WINDOW_MS)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "window_too_long" });
    if (v.announceFrom > v.startsAt)
      ctx.addIssue({ code: "custom", path: ["announceFrom"], message: "announce_after_start" });
    if (!v.messageRu && !v.messageKk && !v.messageEn)
      ctx.addIssue({ code: "custom", path: ["messageRu"], message: "message_required" });
  });

export const cancelMaintenanceSchema = z.object({ windowId: z.uuid() }).strict();
