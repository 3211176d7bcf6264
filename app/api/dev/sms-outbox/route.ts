import { json, withApiErrors } from "@/lib/api/http";
import { readSmsOutbox } from "@/lib/sms/outbox";
import { normalizePhone } from "@/lib/validation/phone";

/**
 * GET ?phone=+7… → newest first [{to, text, createdAt}]. Development and tests only: it exists
 * only with SMS_PROVIDER=outbox and SMS_OUTBOX_HTTP=1; anywhere else it answers 404.
 */
export const GET = withApiErrors(async (request: Request): Promise<Response> => {
  if (process.env.SMS_PROVIDER !== "outbox" || process.env.SMS_OUTBOX_HTTP !== "1")
    return new Response("Not found", { status: 404 });
  const raw = new URL(request.url).searchParams.get("phone");
  const phone = raw ? normalizePhone(raw, ["KZ", "RU", "UZ", "KG"]) : null;
  if (raw && !phone) return json({ error: "invalid_phone" }, 400);
  return json(await readSmsOutbox(phone, 50));
});
