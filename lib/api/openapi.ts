import { z } from "zod";
import { requestCodeSchema, verifyCodeSchema } from "@/lib/auth/schemas";
import { DOCUMENT_CATEGORIES } from "@/lib/permissions/catalog";
import { registerSchema } from "@/lib/registration/schemas";
import { sharingPaths } from "@/lib/sharing/openapi";
import { signaturePaths } from "@/lib/signatures/openapi";
import { createRequestSchema, replySchema } from "@/lib/requests/schemas";

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

const DOCUMENT_ERRORS = [
  "invalid_request",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "file_too_large",
  "quota_exceeded",
  "file_type_not_allowed",
  "infected",
];
const documentError = (description: string) =>
  answer(description, error(DOCUMENT_ERRORS, { requestId: { type: "string" } }));
const version = {
  type: "object",
  required: ["id", "number", "size", "sha256", "mime"],
  properties: {
    id: { type: "string", format: "uuid" },
    number: { type: "integer", example: 1 },
    size: { type: "integer", description: "Bytes" },
    sha256: { type: "string", description: "Hex SHA-256 of the bytes" },
    mime: { type: "string", example: "application/pdf", description: "Decided by the content, not the name" },
    fileName: { type: "string", description: "The uploader's file name, made safe (display only)" },
  },
};
const documentSummary = {
  type: "object",
  required: ["id", "title", "category", "version"],
  properties: {
    id: { type: "string", format: "uuid" },
    title: { type: "string" },
    category: { type: "string", enum: [...DOCUMENT_CATEGORIES] },
    direction: { type: "string", enum: ["INTERNAL", "TO_OUTSOURCER", "FROM_OUTSOURCER"] },
    status: { type: "string", enum: ["DRAFT", "SENT", "ARCHIVED"] },
    createdAt: { type: "string", format: "date-time" },
    sentAt: { type: "string", format: "date-time", nullable: true },
    isNew: { type: "boolean", description: "Sent by the outsourcer and not opened by this user yet" },
    version,
  },
};
const uploadBody = (many: boolean) => ({
  required: true,
  content: {
    "multipart/form-data": {
      schema: {
        type: "object",
        required: many ? ["file", "category"] : ["file"],
        properties: {
          ...(many
            ? {
                category: { type: "string", enum: [...DOCUMENT_CATEGORIES] },
                title: {
                  type: "string",
                  maxLength: 200,
                  description: "Used when one file is sent; otherwise file names",
                },
                period: { type: "string", pattern: "^\\d{4}-\\d{2}$", description: "The month the documents cover" },
              }
            : {}),
          file: many
            ? {
                type: "array",
                items: { type: "string", format: "binary" },
                description: "One or more parts named file",
              }
            : { type: "string", format: "binary" },
        },
      },
      encoding: {
        file: {
          contentType:
            "application/pdf, image/jpeg, image/png, image/heic, application/vnd.openxmlformats-officedocument.*, application/vnd.oasis.opendocument.*, text/plain, text/csv",
        },
      },
    },
  },
});
const documentIdParam = { name: "documentId", in: "path", required: true, schema: { type: "string", format: "uuid" } };

/** The OpenAPI document of the mobile JSON API (001 §1.5). */
const REQUEST_STATUSES_API = ["new", "in_progress", "waiting_partner", "resolved", "closed"];
const requestIdParam = { name: "requestId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const requestError = (description: string) =>
  answer(
    description,
    error(["not_found", "forbidden", "conflict", "invalid_request"], { requestId: { type: "string" } }),
  );
const attachment = {
  type: "object",
  properties: {
    documentId: { type: "string", format: "uuid" },
    versionId: { type: "string", format: "uuid" },
    title: { type: "string" },
    fileName: { type: "string" },
    size: { type: "integer" },
    sha256: { type: "string", description: "SHA-256 of the attached version's bytes" },
    openable: {
      type: "boolean",
      description:
        "Whether this reader may download it (a RESTRICTED member's categories); it stays in the message either way",
    },
  },
};
const requestSummary = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    number: { type: "string", example: "З-2026-0042" },
    category: { type: "string" },
    priority: { type: "string", enum: ["normal", "urgent"] },
    subject: { type: "string" },
    status: { type: "string", enum: REQUEST_STATUSES_API },
    assignee: { type: "object", nullable: true, properties: { name: { type: "string" } } },
    dueAt: { type: "string", format: "date-time", nullable: true, description: "Null while waiting for the Partner" },
    overdue: { type: "boolean" },
    unread: { type: "integer" },
    lastMessageAt: { type: "string", format: "date-time" },
  },
};

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
      "/api/v1/documents": {
        get: {
          summary: "The Partner's documents, newest first (DOC-1)",
          security: [{ bearer: [] }],
          parameters: [
            {
              name: "category",
              in: "query",
              required: false,
              schema: { type: "string", enum: [...DOCUMENT_CATEGORIES] },
            },
            {
              name: "q",
              in: "query",
              required: false,
              schema: { type: "string", maxLength: 200 },
              description: "Words of the title or the text",
            },
            {
              name: "direction",
              in: "query",
              required: false,
              schema: { type: "string", enum: ["INTERNAL", "TO_OUTSOURCER", "FROM_OUTSOURCER"] },
            },
            {
              name: "unread",
              in: "query",
              required: false,
              schema: { type: "string", enum: ["1"] },
              description: "Only what the outsourcer sent and this user has not opened",
            },
            { name: "cursor", in: "query", required: false, schema: { type: "string" } },
          ],
          responses: {
            "200": answer("One page", {
              type: "object",
              required: ["items", "nextCursor"],
              properties: {
                items: { type: "array", items: documentSummary },
                nextCursor: { type: "string", nullable: true },
              },
            }),
            "400": documentError("A filter is not understood"),
            "401": answer("No valid session", error(["unauthenticated"])),
            "404": documentError("No documents right in this cabinet"),
          },
        },
        post: {
          summary: "Uploads files as new documents (DOC-2); the type is decided by the bytes",
          security: [{ bearer: [] }],
          requestBody: uploadBody(true),
          responses: {
            "201": answer("The documents created", {
              type: "object",
              required: ["documents"],
              properties: { documents: { type: "array", items: documentSummary } },
            }),
            "400": documentError("No file, an empty file, a missing category, or a cut-off body"),
            "401": answer("No valid session", error(["unauthenticated"])),
            "403": documentError("The category is not open to this user"),
            "404": documentError("No right to upload here"),
            "413": documentError("file_too_large (over UPLOAD_MAX_MB) or quota_exceeded (the tariff's storage)"),
            "415": documentError(
              "file_type_not_allowed: allowed are PDF, JPEG, PNG, HEIC, Word/Excel, OpenDocument, TXT, CSV",
            ),
            "422": documentError("infected: the virus scanner found something"),
          },
        },
      },
      "/api/v1/documents/{documentId}": {
        get: {
          summary: "One document with its versions and who of the other side opened it",
          security: [{ bearer: [] }],
          parameters: [documentIdParam],
          responses: {
            "200": answer("The document", {
              ...documentSummary,
              properties: {
                ...documentSummary.properties,
                versions: { type: "array", items: version },
                openedBy: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: { name: { type: "string" }, openedAt: { type: "string", format: "date-time" } },
                  },
                },
              },
            }),
            "401": answer("No valid session", error(["unauthenticated"])),
            "404": documentError("No such document for this user"),
          },
        },
      },
      "/api/v1/documents/{documentId}/versions": {
        post: {
          summary: "Uploads a new version; bytes equal to the current version are reported, not stored",
          security: [{ bearer: [] }],
          parameters: [documentIdParam],
          requestBody: uploadBody(false),
          responses: {
            "200": answer("Duplicate of the current version: nothing stored", {
              type: "object",
              properties: { documents: { type: "array", maxItems: 0 }, duplicate: { type: "boolean", enum: [true] } },
            }),
            "201": answer("The new version", {
              type: "object",
              properties: { documents: { type: "array", items: documentSummary } },
            }),
            "400": documentError("No file or a cut-off body"),
            "401": answer("No valid session", error(["unauthenticated"])),
            "404": documentError("No such document, or one of the other side"),
            "413": documentError("file_too_large or quota_exceeded"),
            "415": documentError("file_type_not_allowed"),
            "422": documentError("infected"),
          },
        },
      },
      "/api/v1/documents/{documentId}/download": {
        get: {
          summary: "The current version's bytes (or ?version=), recorded in the audit trail; Range supported",
          security: [{ bearer: [] }],
          parameters: [
            documentIdParam,
            { name: "version", in: "query", required: false, schema: { type: "string", format: "uuid" } },
            { name: "Range", in: "header", required: false, schema: { type: "string", example: "bytes=0-1023" } },
          ],
          responses: {
            "200": {
              description: "The file",
              content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
            },
            "206": { description: "The requested byte range" },
            "401": { description: "No valid session" },
            "404": { description: "No such document or version for this user" },
            "416": { description: "The range lies outside the file" },
          },
        },
      },
      "/api/v1/documents/{documentId}/send": {
        post: {
          summary: "Sends the Partner's draft to its outsourcing company (DOC-3); it can no longer be removed",
          security: [{ bearer: [] }],
          parameters: [documentIdParam],
          responses: {
            "200": answer("Sent", { type: "object", properties: { documentId: { type: "string", format: "uuid" } } }),
            "401": answer("No valid session", error(["unauthenticated"])),
            "404": documentError("No such document, or no right to send"),
            "409": documentError("Not a draft, still being scanned, or no serving company"),
          },
        },
      },
      "/api/v1/notifications": {
        get: {
          summary: "The person's notifications, newest first, each text in their language (REQ-5)",
          security: [{ bearer: [] }],
          parameters: [
            { name: "cursor", in: "query", required: false, schema: { type: "string" } },
            { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 100 } },
          ],
          responses: {
            "200": answer("A page of notifications", {
              type: "object",
              required: ["items", "nextCursor"],
              properties: {
                items: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["id", "kind", "text", "link", "createdAt", "readAt"],
                    properties: {
                      id: { type: "string", format: "uuid" },
                      kind: { type: "string", example: "document.received" },
                      text: { type: "string" },
                      link: { type: "string", description: "An app path, e.g. /cabinet/documents/<id>" },
                      createdAt: { type: "string", format: "date-time" },
                      readAt: { type: "string", format: "date-time", nullable: true },
                    },
                  },
                },
                nextCursor: { type: "string", nullable: true },
                unread: { type: "integer" },
              },
            }),
            "400": badRequest,
            "401": answer("No valid session", error(["unauthenticated"])),
          },
        },
      },
      "/api/v1/notifications/read": {
        post: {
          summary: "Marks some (up to 100 ids) or all of the person's notifications read",
          security: [{ bearer: [] }],
          requestBody: jsonBody({
            type: "object",
            properties: {
              ids: { type: "array", items: { type: "string", format: "uuid" }, minItems: 1, maxItems: 100 },
              all: { type: "boolean", enum: [true] },
            },
            description: "Exactly one of ids and all",
          }),
          responses: {
            "200": answer("How many were marked", { type: "object", properties: { marked: { type: "integer" } } }),
            "400": badRequest,
            "401": answer("No valid session", error(["unauthenticated"])),
          },
        },
      },
      ...sharingPaths(),
      ...signaturePaths(),
      "/api/v1/requests": {
        get: {
          summary: "The Partner's requests, by due time (REQ-1)",
          security: [{ bearer: [] }],
          parameters: [
            {
              name: "status",
              in: "query",
              required: false,
              schema: { type: "string", enum: ["open", "all", ...REQUEST_STATUSES_API] },
              description: "Default: open (new, in progress, waiting)",
            },
            { name: "cursor", in: "query", required: false, schema: { type: "string" } },
          ],
          responses: {
            "200": answer("One page", {
              type: "object",
              required: ["items", "nextCursor"],
              properties: {
                items: { type: "array", items: requestSummary },
                nextCursor: { type: "string", nullable: true },
              },
            }),
            "401": answer("No valid session", error(["unauthenticated"])),
            "404": requestError("No right to read requests"),
          },
        },
        post: {
          summary: "A new request to the outsourcing company (REQ-1); documentIds attach library documents",
          security: [{ bearer: [] }],
          requestBody: jsonBody(schemaOf(createRequestSchema)),
          responses: {
            "201": answer("Created", {
              type: "object",
              required: ["id", "number", "status", "dueAt"],
              properties: {
                id: { type: "string", format: "uuid" },
                number: { type: "string" },
                status: { type: "string", enum: ["new"] },
                dueAt: { type: "string", format: "date-time" },
              },
            }),
            "400": requestError("Invalid fields"),
            "401": answer("No valid session", error(["unauthenticated"])),
            "404": requestError("No right to write requests, or a document not found"),
          },
        },
      },
      "/api/v1/requests/{requestId}": {
        get: {
          summary:
            "One request with a page of its thread (REQ-2), oldest first: the newest 50 messages, or the 50 before `before`; every message with its SHA-256 and server time",
          security: [{ bearer: [] }],
          parameters: [
            requestIdParam,
            {
              name: "before",
              in: "query",
              required: false,
              schema: { type: "string" },
              description: "earlierCursor of the page shown, for the messages before it",
            },
          ],
          responses: {
            "200": answer("The request", {
              type: "object",
              properties: {
                ...requestSummary.properties,
                messages: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      id: { type: "string", format: "uuid" },
                      author: {
                        type: "object",
                        properties: {
                          name: { type: "string" },
                          side: { type: "string", enum: ["partner", "outsourcer"] },
                        },
                      },
                      text: { type: "string" },
                      sha256: { type: "string", description: "Hex SHA-256 of text as UTF-8" },
                      createdAt: { type: "string", format: "date-time" },
                      attachments: { type: "array", items: attachment },
                    },
                  },
                },
                earlierCursor: {
                  type: "string",
                  nullable: true,
                  description: "Cursor of the older messages, null when the page starts the thread",
                },
              },
            }),
            "401": answer("No valid session", error(["unauthenticated"])),
            "404": requestError("No such request"),
          },
        },
      },
      "/api/v1/requests/{requestId}/messages": {
        post: {
          summary:
            "A message in the thread (REQ-2, REQ-3); on a closed request (or resolved over 7 days ago) it starts a new linked request, named in requestId",
          security: [{ bearer: [] }],
          parameters: [requestIdParam],
          requestBody: jsonBody(schemaOf(replySchema.omit({ requestId: true }))),
          responses: {
            "201": answer("Sent; it can never be edited or deleted", {
              type: "object",
              required: ["id", "sha256", "createdAt"],
              properties: {
                id: { type: "string", format: "uuid" },
                sha256: { type: "string" },
                createdAt: { type: "string", format: "date-time" },
                requestId: { type: "string", format: "uuid", description: "Only when a new request was started" },
              },
            }),
            "400": requestError("Invalid fields"),
            "401": answer("No valid session", error(["unauthenticated"])),
            "404": requestError("No such request, or no right to write"),
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
