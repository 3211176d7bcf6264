import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import { getSmsProvider } from "@/lib/sms/provider";
import type { smsPayload } from "../payloads";

/** Sends one SMS; a gateway failure throws, so pg-boss retries it with backoff. */
export async function sendSmsJob(payload: z.output<typeof smsPayload>): Promise<void> {
  await getSmsProvider().send({ to: payload.to, text: payload.text }, getDb());
}
