import { apiError, json, readJsonObject, requestLocale, requestMeta, withApiErrors } from "@/lib/api/http";
import { requestLoginCode } from "@/lib/auth/login";
import { requestCodeSchema } from "@/lib/auth/schemas";

/** POST {phone} → 202 {retryAfterSeconds}; the same answers for known and unknown numbers. */
export const POST = withApiErrors(async (request: Request): Promise<Response> => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = requestCodeSchema.safeParse(body.value);
  if (!parsed.success) {
    const phoneIssue = parsed.error.issues.some((i) => i.path[0] === "phone");
    return phoneIssue
      ? apiError(request, 400, "invalid_phone", "invalid_phone")
      : apiError(request, 400, "invalid_request", "invalid_input");
  }
  const result = await requestLoginCode(parsed.data.phone, requestMeta(request), requestLocale(request));
  if (result.ok) return json({ retryAfterSeconds: result.retryAfterSeconds }, 202);
  switch (result.error) {
    case "rate_limited":
      return apiError(request, 429, "rate_limited", "rate_limited", { retryAfterSeconds: result.retryAfterSeconds });
    case "locked":
      return apiError(request, 423, "locked", "locked", { lockedUntil: result.lockedUntil.toISOString() });
    case "blocked":
      return apiError(request, 403, "blocked", "blocked");
    case "sms_failed":
      return apiError(request, 503, "sms_failed", "unavailable");
  }
});
