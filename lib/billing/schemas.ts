import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9-]{1,64}$/);
const uuid = z.uuid();

export const changeTariffSchema = z.object({ tariffSlug: slug });
export const orderServiceSchema = z.object({ serviceSlug: slug });
export const invoiceIdSchema = z.object({ invoiceId: uuid });
export const cancelInvoiceSchema = z.object({ invoiceId: uuid, reason: z.string().trim().min(3).max(500) });

const text = (max: number) => z.string().trim().max(max);
const localizedTexts = {
  nameRu: text(120).min(1),
  nameKk: text(120),
  nameEn: text(120),
  descriptionRu: text(2000).min(1),
  descriptionKk: text(2000),
  descriptionEn: text(2000),
};
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const count = z.coerce.number().int().min(0).max(1_000_000);
/** A date the price applies from (YYYY-MM-DD, Kazakhstan midnight); never in the past. */
const fromDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const SERVICE_KEYS_INPUT = ["accounting", "tax_reporting", "hr_assistant", "legal_help"] as const;

export const updateTariffSchema = z.object({
  tariffId: uuid,
  ...localizedTexts,
  maxUsers: z.coerce.number().int().min(1).max(10_000),
  storageMb: z.coerce.number().int().min(1).max(10_000_000),
  requestsPerMonth: count,
  includedServices: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(SERVICE_KEYS_INPUT)).max(10),
  ),
  active: checkbox,
  sortOrder: z.coerce.number().int().min(0).max(10_000),
});

export const addTariffPriceSchema = z.object({
  tariffId: uuid,
  amount: z.coerce.number().int().min(0).max(100_000_000),
  effectiveFrom: fromDate,
});

export const updateServiceSchema = z.object({
  serviceId: uuid,
  ...localizedTexts,
  price: z.coerce.number().int().min(0).max(100_000_000),
  availableInDemo: checkbox,
  active: checkbox,
  sortOrder: z.coerce.number().int().min(0).max(10_000),
});
