import { z } from "zod";

/** Payload schemas of the jobs in registry.ts (apart, so handlers can import them). */

/** E.164, as stored everywhere else. */
const e164 = z.string().regex(/^\+[1-9]\d{7,14}$/);

export const smsPayload = z.object({ to: e164, text: z.string().min(1).max(1000) });
export const emailPayload = z.object({
  to: z.email(),
  subject: z.string().min(1).max(300),
  text: z.string().min(1).max(100_000),
});

/** Periodic jobs carry no data. */
export const emptyPayload = z.object({}).strict();

/** A document version to work on (text extraction, virus scan). */
export const documentVersionPayload = z.object({ versionId: z.uuid() });

/** Stored files to remove after the change that dropped their rows committed (at most a few hundred). */
export const storageKeysPayload = z.object({
  keys: z
    .array(z.string().regex(/^documents\/[a-z0-9-]+(?:\/[a-z0-9-]+)*$/))
    .min(1)
    .max(500),
});
