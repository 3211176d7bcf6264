import { z } from "zod";
import { createRouteSchema } from "./schemas";

const schemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "openapi-3.0" });
const json = (schema: unknown) => ({ "application/json": { schema } });
const answer = (description: string, schema?: unknown) => ({
  description,
  ...(schema ? { content: json(schema) } : {}),
});
const uuid = { type: "string", format: "uuid" };
const problem = {
  type: "object",
  required: ["error"],
  properties: {
    error: { type: "string" },
    message: { type: "string" },
    fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
    requestId: { type: "string" },
  },
};
const common = {
  "401": answer("No valid session", problem),
  "404": answer("No such document or step, or not the caller's", problem),
};
const stepIdParam = { name: "routeStepId", in: "path", required: true, schema: uuid };
const documentIdParam = { name: "documentId", in: "path", required: true, schema: uuid };

/** Routes for approval and signature and SMS signing in the mobile JSON API (DOC-5); ЭЦП is web-only. */
export function signaturePaths() {
  const createBody = schemaOf(createRouteSchema) as { properties?: Record<string, unknown>; required?: string[] };
  const { documentId: _ignored, ...properties } = createBody.properties ?? {};
  void _ignored;
  return {
    "/api/v1/documents/{documentId}/routes": {
      get: {
        summary: "The document's routes for approval and signature, each step's outcome, and the caller's own step",
        security: [{ bearer: [] }],
        parameters: [documentIdParam],
        responses: { "200": answer("Routes, newest first", { type: "object" }), ...common },
      },
      post: {
        summary:
          "Sends the current version for signature or approval to Partner users, serving staff and counterparties (a share with the sign right is made for them), in order or all at once",
        security: [{ bearer: [] }],
        parameters: [documentIdParam],
        requestBody: {
          required: true,
          content: json({
            ...createBody,
            properties,
            required: (createBody.required ?? []).filter((k) => k !== "documentId"),
          }),
        },
        responses: {
          "201": answer("Sent", {
            type: "object",
            properties: {
              id: uuid,
              shortId: { type: "string", description: "The public verification link: /verify/{shortId}" },
              steps: {
                type: "array",
                items: { type: "object", properties: { id: uuid, position: { type: "integer" } } },
              },
            },
          }),
          "400": answer("Invalid fields (deadline within 90 days, people who may not sign)", problem),
          "409": answer("A route of this document is already live, or the version is not current", problem),
          ...common,
        },
      },
    },
    "/api/v1/signatures/{routeStepId}/code": {
      post: {
        summary: "Sends the signer a code by SMS (purpose SIGN) to sign their step; 60 s between codes, 5 an hour",
        security: [{ bearer: [] }],
        parameters: [stepIdParam],
        responses: {
          "201": answer("Sent", { type: "object", properties: { retryAfterSeconds: { type: "integer" } } }),
          "409": answer("Not the signer's turn, the step is done, or the route ended", problem),
          "429": answer("Too many codes", problem),
          ...common,
        },
      },
    },
    "/api/v1/signatures/{routeStepId}/sign": {
      post: {
        summary:
          "Signs the step with the code sent for it: records who, when, IP, user agent and the version's SHA-256; three wrong codes void it",
        security: [{ bearer: [] }],
        parameters: [stepIdParam],
        requestBody: {
          required: true,
          content: json({
            type: "object",
            required: ["code"],
            properties: { code: { type: "string", pattern: "^[0-9]{6}$" } },
          }),
        },
        responses: {
          "201": answer("Signed", {
            type: "object",
            properties: {
              id: uuid,
              signedAt: { type: "string", format: "date-time" },
              sha256: { type: "string" },
              routeStatus: { type: "string", enum: ["ACTIVE", "COMPLETED"] },
            },
          }),
          "400": answer("Wrong or expired code (fieldErrors.code)", problem),
          "409": answer("Not the signer's turn, the step is done, or the route ended", problem),
          ...common,
        },
      },
    },
  };
}
