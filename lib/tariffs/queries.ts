import { z } from "zod";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors/app-error";
import type { PublicCatalogClient } from "@/lib/tenancy/public";
import { defineLoader } from "@/lib/tenancy/loader";
import { localized } from "./localize";

/** The keys a tariff may include, in the order the comparison shows them. */
export const SERVICE_KEYS = ["accounting", "tax_reporting", "hr_assistant", "legal_help"] as const;

const localeInput = z.object({ locale: z.string().max(8).default("ru") });

/** Only the current price: the newest one in effect now; a tariff without one is not offered yet. */
const currentPrice = () => ({
  where: { effectiveFrom: { lte: now() } },
  orderBy: { effectiveFrom: "desc" as const },
  take: 1,
  select: { amount: true, effectiveFrom: true },
});

async function activeTariffs(db: PublicCatalogClient, slug?: string) {
  const rows = await db.tariff.findMany({
    where: { active: true, demo: false, ...(slug ? { slug } : {}) },
    orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
    include: { prices: currentPrice() },
  });
  return rows.filter((row) => row.prices.length > 0);
}

type TariffRow = Awaited<ReturnType<typeof activeTariffs>>[number];

function present(row: TariffRow, locale: string) {
  return {
    slug: row.slug,
    name: localized(row, "name", locale),
    description: localized(row, "description", locale),
    priceMonthly: row.prices[0]!.amount,
    priceFrom: row.prices[0]!.effectiveFrom,
    limits: { users: row.maxUsers, storageMb: row.storageMb, requestsPerMonth: row.requestsPerMonth },
    includedServices: SERVICE_KEYS.filter((key) => row.includedServices.includes(key)),
    sample: row.sample,
  };
}

export type PublicTariff = ReturnType<typeof present>;

/** The active tariffs with their current prices, in the visitor's language (BIZ-1). */
export const tariffListLoader = defineLoader({
  name: "tariffs.list",
  access: "public",
  input: localeInput,
  async load({ db, input }) {
    return (await activeTariffs(db)).map((row) => present(row, input.locale));
  },
});

/** One active tariff by its slug; an unknown or retired one is "not found". */
export const tariffDetailLoader = defineLoader({
  name: "tariffs.detail",
  access: "public",
  input: localeInput.extend({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/) }),
  async load({ db, input }) {
    const [row] = await activeTariffs(db, input.slug);
    if (!row) throw notFound();
    return present(row, input.locale);
  },
});

/** The active additional services (one-off or recurring), in the visitor's language. */
export const serviceListLoader = defineLoader({
  name: "services.list",
  access: "public",
  input: localeInput,
  async load({ db, input }) {
    const rows = await db.additionalService.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
    });
    return rows.map((row) => ({
      slug: row.slug,
      name: localized(row, "name", input.locale),
      description: localized(row, "description", input.locale),
      price: row.price,
      kind: row.kind,
      availableInDemo: row.availableInDemo,
      sample: row.sample,
    }));
  },
});
