import { z } from "zod";
import { phoneSchema } from "@/lib/auth/schemas";
import { personNameSchema } from "@/lib/registration/schemas";
import { STAFF_ROLES } from "./staff-roles";

export const PARTNER_STATUSES = ["DEMO", "ACTIVE", "SUSPENDED", "BLOCKED"] as const;

/** An operator adds a person to an outsourcing company's staff (OPS-1). */
export const addStaffMemberSchema = z
  .object({
    companyId: z.uuid(),
    phone: phoneSchema,
    name: personNameSchema,
    role: z.enum(STAFF_ROLES),
  })
  .strict();

/** Which outsourcing company serves a Partner; empty means none. */
export const setServingCompanySchema = z
  .object({
    partnerId: z.uuid(),
    companyId: z.preprocess((v) => (v === "" ? null : v), z.uuid().nullable()),
  })
  .strict();

/** The back office's Partner search: text, status and serving company. */
export const adminPartnerSearchSchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((q) => q || undefined),
  status: z.enum(PARTNER_STATUSES).optional().catch(undefined),
  companyId: z.uuid().optional().catch(undefined),
  cursor: z.string().max(1024).optional(),
});
