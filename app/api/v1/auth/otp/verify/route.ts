import { apiError, json, readJsonObject, requestMeta, withApiErrors } from "@/lib/api/http";
import { verifyLoginCode } from "@/lib/auth/login";
import { verifyCodeSchema } from "@/lib/auth/schemas";

/** POST {phone, code} → 200 {token, expiresAt, registrationRequired}; wrong codes count toward the lock. */
export const POST = withApiErrors(async (request: Request): Promise<Response> => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = verifyCodeSchema.safeParse(body.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] === "phone") return apiError(request, 400, "invalid_phone", "invalid_phone");
    if (issue?.path[0] === "code") return apiError(request, 400, "invalid_request", "invalid_code_format");
    return apiError(request, 400, "invalid_request", "invalid_input");
  }
  const result = await verifyLoginCode(parsed.data.phone, parsed.data.code, requestMeta(request), "API");
  if (result.ok) {
    return json({
      token: result.token,
      expiresAt: result.expiresAt.toISOString(),
      registrationRequired: result.registrationRequired,
    });
  }
  switch (result.error) {
    case "invalid_code":
      return json({ error: "invalid_code", attemptsLeft: result.attemptsLeft }, 401);
    case "locked":
      return apiError(request, 423, "locked", "locked", { lockedUntil: result.lockedUntil.toISOString() });
    case "blocked":
      return apiError(request, 403, "blocked", "blocked");
    case "no_active_code":
      return json({ error: "no_active_code" }, 410);
    case "rate_limited":
      return apiError(request, 429, "rate_limited", "rate_limited", { retryAfterSeconds: result.retryAfterSeconds });
  }
});
