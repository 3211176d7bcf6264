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

const requiredText = (max: number) =>
  z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "too_long" });

/** Demo → active: the service contract's number and date (OPS-2). */
export const activatePartnerSchema = z
  .object({
    partnerId: z.uuid(),
    contractNumber: requiredText(50),
    contractDate: z.iso.date({ error: "invalid_date" }).transform((d) => new Date(`${d}T00:00:00.000Z`)),
  })
  .strict();

/** Suspends or blocks a Partner; the reason is shown to its members. */
export const suspendPartnerSchema = z
  .object({
    partnerId: z.uuid(),
    status: z.enum(["SUSPENDED", "BLOCKED"], { error: "required" }),
    reason: requiredText(500),
  })
  .strict();

export const restorePartnerSchema = z.object({ partnerId: z.uuid() }).strict();

/** Lifts a phone's sign-in block early (AUTH-3). */
export const liftPhoneLockSchema = z.object({ phone: phoneSchema }).strict();

/** Blocks a person pending review (AUD-5), optionally from a finding; the reason stays in the back office. */
export const blockPersonSchema = z
  .object({
    personId: z.uuid(),
    findingId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
    reason: requiredText(500),
  })
  .strict();

export const unblockPersonSchema = z.object({ personId: z.uuid() }).strict();

export const reviewFindingSchema = z.object({ findingId: z.uuid() }).strict();
