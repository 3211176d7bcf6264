import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  SAMPLE_PRICES_FROM,
  SAMPLE_SERVICES,
  SAMPLE_TARIFFS,
  type ServiceSeed,
  type TariffSeed,
} from "./seed-data/catalogue";

const tariffFields = (t: TariffSeed) => ({
  nameRu: t.name.ru,
  nameKk: t.name.kk,
  nameEn: t.name.en,
  descriptionRu: t.description.ru,
  descriptionKk: t.description.kk,
  descriptionEn: t.description.en,
  maxUsers: t.maxUsers,
  storageMb: t.storageMb,
  requestsPerMonth: t.requestsPerMonth,
  includedServices: t.includedServices,
});

const serviceFields = (s: ServiceSeed) => ({
  nameRu: s.name.ru,
  nameKk: s.name.kk,
  nameEn: s.name.en,
  descriptionRu: s.description.ru,
  descriptionKk: s.description.kk,
  descriptionEn: s.description.en,
  price: s.price,
  kind: s.kind,
  availableInDemo: s.availableInDemo,
});

/**
 * The sample catalogue (idempotent): rows that exist are left as they are, so operators' later edits
 * and prices survive another run.
 */
export async function seedCatalogue(db: PrismaClient): Promise<void> {
  for (const [index, t] of SAMPLE_TARIFFS.entries()) {
    const tariff = await db.tariff.upsert({
      where: { slug: t.slug },
      update: {},
      create: { slug: t.slug, ...tariffFields(t), sample: true, sortOrder: index },
    });
    await db.tariffPrice.upsert({
      where: { tariffId_effectiveFrom: { tariffId: tariff.id, effectiveFrom: SAMPLE_PRICES_FROM } },
      update: {},
      create: { tariffId: tariff.id, amount: t.price, effectiveFrom: SAMPLE_PRICES_FROM },
    });
  }
  for (const [index, s] of SAMPLE_SERVICES.entries()) {
    await db.additionalService.upsert({
      where: { slug: s.slug },
      update: {},
      create: { slug: s.slug, ...serviceFields(s), sample: true, sortOrder: index },
    });
  }
}
