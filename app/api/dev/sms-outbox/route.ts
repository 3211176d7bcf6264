import { json, withApiErrors } from "@/lib/api/http";
import { isOutboxReadable, readSmsOutbox } from "@/lib/sms/outbox";
import { normalizePhone } from "@/lib/validation/phone";

/**
 * GET ?phone=+7… → that phone's messages, newest first [{to, text, createdAt}]. Development and
 * tests only (see isOutboxReadable); anywhere else it answers 404. The phone is required: the
 * outbox holds everyone's codes and is never listed whole.
 */
export const GET = withApiErrors(async (request: Request): Promise<Response> => {
  if (!isOutboxReadable()) return new Response("Not found", { status: 404 });
  const raw = new URL(request.url).searchParams.get("phone");
  if (!raw) return json({ error: "phone_required" }, 400);
  const phone = normalizePhone(raw, ["KZ", "RU", "UZ", "KG"]);
  if (!phone) return json({ error: "invalid_phone" }, 400);
  return json(await readSmsOutbox(phone, 50));
});
