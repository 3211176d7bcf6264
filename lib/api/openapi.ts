import { z } from "zod";
import { requestCodeSchema, verifyCodeSchema } from "@/lib/auth/schemas";
import { registerSchema } from "@/lib/registration/schemas";

/** Request bodies come from the same zod schemas the server validates with. */
const schemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "openapi-3.0" });

const error = (codes: string[], extra: Record<string, unknown> = {}) => ({
  type: "object",
  required: ["error"],
  properties: {
    error: { type: "string", enum: codes },
    message: { type: "string", description: "In the language of Accept-Language (ru, kk, en)" },
    ...extra,
  },
});

const jsonBody = (schema: unknown) => ({ required: true, content: { "application/json": { schema } } });
const answer = (description: string, schema?: unknown) => ({
  description,
  ...(schema ? { content: { "application/json": { schema } } } : {}),
});
const badRequest = answer(
  "Malformed JSON, wrong types, unknown fields, or a body over 1 MB",
  error(["invalid_request", "invalid_phone"], {
    fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
  }),
);

const tariffList = {
  type: "object",
  required: ["tariffs"],
  properties: {
    tariffs: {
      type: "array",
      items: {
        type: "object",
        required: ["slug", "name", "priceMonthly", "currency", "limits"],
        properties: {
          slug: { type: "string", example: "business" },
          name: { type: "string", example: "Бизнес" },
          priceMonthly: { type: "integer", description: "Whole tenge, the price in effect now", example: 65000 },
          currency: { type: "string", enum: ["KZT"] },
          limits: {
            type: "object",
            required: ["users", "storageMb", "requestsPerMonth"],
            properties: {
              users: { type: "integer" },
              storageMb: { type: "integer" },
              requestsPerMonth: { type: "integer" },
            },
          },
        },
      },
    },
  },
};

/** The OpenAPI document of the mobile JSON API (001 §1.5). */
export function openApiDocument() {
  return {
    openapi: "3.0.3",
    info: {
      title: "Partner Cabinet API",
      version: "1.0.0",
      description: "Login by phone and SMS code; sessions are bearer tokens checked on every request.",
    },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths: {
      "/api/v1/auth/otp/request": {
        post: {
          summary: "Send a login code by SMS (same answers for known and unknown numbers)",
          requestBody: jsonBody(schemaOf(requestCodeSchema)),
          responses: {
            "202": answer("Code sent", { type: "object", properties: { retryAfterSeconds: { type: "integer" } } }),
            "400": badRequest,
            "403": answer("The number's person is blocked pending review; no code is sent", error(["blocked"])),
            "423": answer(
              "Phone locked after 3 wrong codes",
              error(["locked"], { lockedUntil: { type: "string", format: "date-time" } }),
            ),
            "429": answer(
              "Throttled: resend delay, 5 codes per phone per hour, per-IP limit",
              error(["rate_limited"], { retryAfterSeconds: { type: "integer" } }),
            ),
            "503": answer("The SMS gateway failed; nothing was used up", error(["sms_failed"])),
          },
        },
      },
      "/api/v1/auth/otp/verify": {
        post: {
          summary: "Check a login code and start a session",
          requestBody: jsonBody(schemaOf(verifyCodeSchema)),
          responses: {
            "200": answer("Session started", {
              type: "object",
              properties: {
                token: { type: "string" },
                expiresAt: { type: "string", format: "date-time" },
                registrationRequired: { type: "boolean" },
              },
            }),
            "400": badRequest,
            "401": answer("Wrong code (first and second)", {
              type: "object",
              properties: { error: { type: "string", enum: ["invalid_code"] }, attemptsLeft: { type: "integer" } },
            }),
            "403": answer("The number's person is blocked pending review", error(["blocked"])),
            "410": answer("No active code: expired, used or never sent", error(["no_active_code"])),
            "423": answer(
              "Locked: the third wrong code, and every try while locked",
              error(["locked"], { lockedUntil: { type: "string", format: "date-time" } }),
            ),
            "429": answer(
              "Too many wrong codes from this address",
              error(["rate_limited"], { retryAfterSeconds: { type: "integer" } }),
            ),
          },
        },
      },
      "/api/v1/auth/register": {
        post: {
          summary: "Register a verified new number: the person and their Partner (demo status)",
          security: [{ bearer: [] }],
          requestBody: jsonBody(schemaOf(registerSchema)),
          responses: {
            "201": answer("Registered", {
              type: "object",
              properties: { personId: { type: "string" }, partnerId: { type: "string" } },
            }),
            "400": badRequest,
            "401": answer("No valid session", error(["unauthenticated"])),
            "409": answer("The number is already registered", error(["conflict"])),
          },
        },
      },
      "/api/v1/auth/logout": {
        post: {
          summary: "End the session behind the token",
          security: [{ bearer: [] }],
          responses: { "200": answer("Logged out"), "401": answer("No valid session", error(["unauthenticated"])) },
        },
      },
      "/api/v1/tariffs": {
        get: {
          summary: "The active tariffs with their current monthly price (no login needed)",
          parameters: [
            {
              name: "Accept-Language",
              in: "header",
              required: false,
              schema: { type: "string", example: "kk" },
              description: "The language of the names: ru (default), kk or en",
            },
          ],
          responses: {
            "200": answer("The tariffs in the order operators set", tariffList),
            "500": answer("Server error", error(["internal"], { requestId: { type: "string" } })),
          },
        },
      },
      "/api/v1/me": {
        get: {
          summary: "The person and the cabinets they can enter",
          security: [{ bearer: [] }],
          responses: {
            "200": answer("The person (null until registration) and their cabinets"),
            "401": answer("No valid session", error(["unauthenticated"])),
          },
        },
      },
    },
  };
}
