import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The demo tariff: what a Partner without a service contract may use (001 §4). Operators edit it. */
const DEMO_TARIFF = {
  slug: "demo",
  nameRu: "Демо",
  nameKk: "Демо",
  nameEn: "Demo",
  descriptionRu: "Бесплатный пробный режим до заключения договора обслуживания.",
  descriptionKk: "Қызмет көрсету шартын жасасқанға дейінгі тегін сынақ режимі.",
  descriptionEn: "Free trial until the service contract is signed.",
  maxUsers: 3,
  storageMb: 100,
  requestsPerMonth: 5,
  includedServices: ["accounting"],
};

/** Sample supplier requisites of the seeded outsourcing companies, printed on their invoices. */
const REQUISITES = [
  { bik: "KCJBKZKX", bankName: "АО «Банк ЦентрКредит»", vatRate: 12 },
  { bik: "HSBKKZKX", bankName: "АО «Народный Банк Казахстана»", vatRate: null },
  { bik: "CASPKZKA", bankName: "АО «Kaspi Bank»", vatRate: 12 },
  { bik: "IRTYKZKA", bankName: "АО «ForteBank»", vatRate: null },
];

/**
 * The demo tariff and the companies' requisites (idempotent: a company that has a BIN keeps what
 * operators entered). Sample values only.
 */
export async function seedBilling(db: PrismaClient): Promise<void> {
  const demo = await db.tariff.upsert({
    where: { slug: DEMO_TARIFF.slug },
    update: {},
    create: { ...DEMO_TARIFF, demo: true, sample: true, sortOrder: 999 },
  });
  await db.tariffPrice.upsert({
    where: { tariffId_effectiveFrom: { tariffId: demo.id, effectiveFrom: new Date("2026-01-01T00:00:00+05:00") } },
    update: {},
    create: { tariffId: demo.id, amount: 0, effectiveFrom: new Date("2026-01-01T00:00:00+05:00") },
  });
  const companies = await db.outsourcingCompany.findMany({ where: { bin: null }, orderBy: { createdAt: "asc" } });
  for (const [index, company] of companies.entries()) {
    const bank = REQUISITES[index % REQUISITES.length]!;
    const n = String(index + 1).padStart(2, "0");
    await db.outsourcingCompany.update({
      where: { id: company.id },
      data: {
        bin: `1807400${n}123`.slice(0, 12),
        iik: `KZ${String(10 + index)}601A8610${n}000${n}`.slice(0, 20),
        ...bank,
        kbe: "17",
        address: "Республика Казахстан, г. Алматы, пр. Абая, 52, офис " + (100 + index),
      },
    });
  }
}
