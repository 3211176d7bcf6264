import type { z } from "zod";
import { sendEmail } from "@/lib/email/mailer";
import type { emailPayload } from "../payloads";

/** Sends one e-mail; an SMTP failure throws, so pg-boss retries it with backoff. */
export async function sendEmailJob(payload: z.output<typeof emailPayload>): Promise<void> {
  await sendEmail(payload);
}
