import { z } from "zod";
import { SHARE_RIGHTS } from "./rights";
import { createShareSchema } from "./schemas";

const schemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "openapi-3.0" });
const json = (schema: unknown) => ({ "application/json": { schema } });
const answer = (description: string, schema?: unknown) => ({
  description,
  ...(schema ? { content: json(schema) } : {}),
});
const uuid = { type: "string", format: "uuid" };
const documentIdParam = { name: "documentId", in: "path", required: true, schema: uuid };
const problem = {
  type: "object",
  required: ["error"],
  properties: { error: { type: "string" }, message: { type: "string" }, requestId: { type: "string" } },
};
const common = {
  "401": answer("No valid session", problem),
  "404": answer("No such document, no live share of it, or no right for this", problem),
};
const rights = { type: "array", items: { type: "string", enum: [...SHARE_RIGHTS] } };
const thread = {
  comments: {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: uuid,
        author: { type: "string" },
        side: { type: "string", enum: ["member", "counterparty"] },
        body: { type: "string" },
        sha256: { type: "string" },
        createdAt: { type: "string", format: "date-time" },
      },
    },
  },
  decisions: {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: uuid,
        decision: { type: "string", enum: ["APPROVED", "REJECTED"] },
        reason: { type: "string", nullable: true },
        versionNumber: { type: "integer" },
        createdAt: { type: "string", format: "date-time" },
      },
    },
  },
};

/** The sharing part of the mobile JSON API (DOC-4): the Partner's shares and the counterparty's side. */
export function sharingPaths() {
  const createBody = schemaOf(createShareSchema) as { properties?: Record<string, unknown>; required?: string[] };
  const { documentIds: _ignored, ...properties } = createBody.properties ?? {};
  void _ignored;
  return {
    "/api/v1/documents/{documentId}/shares": {
      post: {
        summary:
          "Shares the document with a counterparty's person (created by phone if new); an SMS with the link follows",
        security: [{ bearer: [] }],
        parameters: [documentIdParam],
        requestBody: {
          required: true,
          content: json({
            ...createBody,
            properties,
            required: (createBody.required ?? []).filter((k) => k !== "documentIds"),
          }),
        },
        responses: {
          "201": answer("Shared", { type: "object", required: ["id"], properties: { id: uuid } }),
          "400": answer("Invalid fields (BIN checksum, expiry within a year, phone)", problem),
          ...common,
        },
      },
      get: {
        summary: "The document's shares (live and past), its view log and the counterparties' decisions",
        security: [{ bearer: [] }],
        parameters: [documentIdParam],
        responses: { "200": answer("Shares, views and decisions"), ...common },
      },
    },
    "/api/v1/shares/{shareId}": {
      delete: {
        summary: "Revokes a share at once: the counterparty's next request (a download included) finds nothing",
        security: [{ bearer: [] }],
        parameters: [{ name: "shareId", in: "path", required: true, schema: uuid }],
        responses: { "204": { description: "Revoked" }, "409": answer("Already revoked", problem), ...common },
      },
    },
    "/api/v1/shared-documents": {
      get: {
        summary: "For a counterparty: the documents of its live shares",
        security: [{ bearer: [] }],
        responses: {
          "200": answer("Shared documents", {
            type: "object",
            properties: {
              items: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    shareId: uuid,
                    documentId: uuid,
                    title: { type: "string" },
                    partnerName: { type: "string" },
                    rights,
                    expiresAt: { type: "string", format: "date-time" },
                    allowDownload: { type: "boolean" },
                  },
                },
              },
            },
          }),
          ...common,
        },
      },
    },
    "/api/v1/shared-documents/{documentId}": {
      get: {
        summary: "For a counterparty: one shared document, its current version, rights, comments and decisions",
        security: [{ bearer: [] }],
        parameters: [documentIdParam],
        responses: {
          "200": answer("The document", {
            type: "object",
            properties: { id: uuid, title: { type: "string" }, partnerName: { type: "string" }, rights, ...thread },
          }),
          ...common,
        },
      },
    },
    "/api/v1/shared-documents/{documentId}/download": {
      get: {
        summary:
          "For a counterparty whose share allows downloads: the file, recorded in the Partner's view log; PDFs of watermarked shares (up to 25 MB) are stamped with the viewer's name, phone and time",
        security: [{ bearer: [] }],
        parameters: [documentIdParam],
        responses: {
          "200": {
            description: "The file",
            content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
          },
          "206": { description: "The requested byte range (not for watermarked PDFs)" },
          "413": { description: "A watermarked PDF over 25 MB" },
          ...common,
        },
      },
    },
    "/api/v1/shared-documents/{documentId}/comments": {
      post: {
        summary: "A comment in the document's thread (counterparty with the comment right, or a member); immutable",
        security: [{ bearer: [] }],
        parameters: [documentIdParam],
        requestBody: {
          required: true,
          content: json({
            type: "object",
            required: ["body"],
            properties: { body: { type: "string", maxLength: 4000 } },
          }),
        },
        responses: {
          "201": answer("Sent", { type: "object", properties: { id: uuid, sha256: { type: "string" } } }),
          ...common,
        },
      },
    },
    "/api/v1/shared-documents/{documentId}/approve": {
      post: {
        summary: "Approves a version (the current one unless versionId); needs the approve right",
        security: [{ bearer: [] }],
        parameters: [documentIdParam],
        requestBody: { required: false, content: json({ type: "object", properties: { versionId: uuid } }) },
        responses: { "201": answer("Recorded"), ...common },
      },
    },
    "/api/v1/shared-documents/{documentId}/reject": {
      post: {
        summary: "Rejects a version with a required reason; needs the approve right",
        security: [{ bearer: [] }],
        parameters: [documentIdParam],
        requestBody: {
          required: true,
          content: json({
            type: "object",
            required: ["reason"],
            properties: { reason: { type: "string", maxLength: 2000 }, versionId: uuid },
          }),
        },
        responses: { "201": answer("Recorded"), "400": answer("No reason", problem), ...common },
      },
    },
  };
}
