import { z } from "zod";
import { phoneSchema } from "@/lib/auth/schemas";
import { isValidKzTaxId } from "@/lib/validation/kz-tax-id";
import { nameSchema } from "@/lib/validation/name";
import { MAX_ECP_CMS_CHARS, MAX_ROUTE_STEPS, ROUTE_ORDERINGS, ROUTE_PURPOSES } from "./constants";

/** One person of a route: a Partner user or serving staff by person id, or a counterparty by phone. */
export const routeSignerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("member"), personId: z.uuid() }).strict(),
  z.object({ kind: z.literal("staff"), personId: z.uuid() }).strict(),
  z
    .object({
      kind: z.literal("counterparty"),
      phone: phoneSchema,
      name: nameSchema({ min: 1, max: 200 }),
      organisationName: nameSchema({ min: 1, max: 300 }),
      organisationBin: z.string().trim().refine(isValidKzTaxId, { message: "invalid_tax_id" }),
    })
    .strict(),
]);
export type RouteSigner = z.output<typeof routeSignerSchema>;

/** A document version sent for approval or signature (DOC-5). */
export const createRouteSchema = z
  .object({
    documentId: z.uuid(),
    /** The version sent; the current one unless named. */
    versionId: z.uuid().optional(),
    purpose: z.enum(ROUTE_PURPOSES),
    ordering: z.enum(ROUTE_ORDERINGS),
    deadline: z.coerce.date().optional(),
    signers: z.array(routeSignerSchema).min(1).max(MAX_ROUTE_STEPS),
  })
  .strict();
export type CreateRouteInput = z.output<typeof createRouteSchema>;

export const stepIdSchema = z.object({ stepId: z.uuid() }).strict();
export const signSchema = z
  .object({
    stepId: z.uuid(),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { message: "invalid_code" }),
  })
  .strict();
export const declineSchema = z.object({ stepId: z.uuid(), reason: z.string().trim().min(1).max(2000) }).strict();

/** The public check: a SHA-256 the browser computed, and the short id of the link when it came from one. */
export const verifySchema = z
  .object({
    sha256: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{64}$/),
    shortId: z
      .string()
      .regex(/^[0-9a-z]{6,16}$/)
      .optional(),
  })
  .strict();

/**
 * An ЭЦП signature of one's own step: the CMS NCALayer returned (base64, possibly armoured), and, on
 * the person's first ЭЦП signature, the IIN they confirm as theirs (kept for later ones).
 */
export const signEcpSchema = z
  .object({
    stepId: z.uuid(),
    cms: z
      .string()
      .trim()
      .min(1, { message: "ecp_cms_missing" })
      .max(MAX_ECP_CMS_CHARS, { message: "ecp_cms_too_large" }),
    iin: z.string().trim().refine(isValidKzTaxId, { message: "invalid_tax_id" }).optional(),
  })
  .strict();
