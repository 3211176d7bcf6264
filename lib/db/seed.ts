import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LEGAL_TEXTS_V1 } from "./seed-data/legal-texts";

/** Demo accounts listed in README.md; log in with these numbers and the code from the SMS log. */
export const DEMO_ACCOUNTS = {
  primary: { phone: "+77015550001", name: "Айгерим Садыкова" },
  full: { phone: "+77015550002", name: "Ерлан Жумабаев", position: "Главный бухгалтер" },
  restricted: { phone: "+77015550003", name: "Дина Ким", position: "Офис-менеджер" },
  operator: { phone: "+77015550099", name: "Оператор платформы" },
} as const;

/** Outsourcing companies of the user agreement's Appendix 1, each with one staff member. */
export const OUTSOURCING_COMPANIES = [
  {
    name: "ТОО «Просто Аутсорсинг ГК»",
    staff: { phone: "+77015550011", name: "Асель Нурпеисова", role: "ACCOUNTANT" },
  },
  { name: "ТОО «Просто Аутсорсинг А»", staff: { phone: "+77015550012", name: "Марат Оспанов", role: "MANAGER" } },
  {
    name: "ТОО «Просто Аутсорсинг Б»",
    staff: { phone: "+77015550013", name: "Гульнара Ахметова", role: "HR_ASSISTANT" },
  },
  { name: "ТОО «Просто Аутсорсинг Ю»", staff: { phone: "+77015550014", name: "Тимур Сейтказиев", role: "LAWYER" } },
] as const;

export const DEMO_PARTNER = { name: "ТОО «Алатау Трейд»", taxId: "180440012349" };
export const SECOND_DEMO_PARTNER = { name: "ИП Жумабаев Е.", taxId: "850315300455" };

const LEGAL_EFFECTIVE_AT = new Date("2026-11-01T00:00:00+05:00");

/** Legal texts, version 1 in Russian and Kazakh (idempotent). */
export async function seedLegalDocuments(db: PrismaClient): Promise<void> {
  for (const text of LEGAL_TEXTS_V1) {
    await db.legalDocument.upsert({
      where: { kind_version_locale: { kind: text.kind, version: 1, locale: text.locale } },
      update: {},
      create: {
        kind: text.kind,
        version: 1,
        locale: text.locale,
        title: text.title,
        body: text.body,
        effectiveAt: LEGAL_EFFECTIVE_AT,
      },
    });
  }
}

async function person(db: PrismaClient, phone: string, name: string) {
  return db.person.upsert({
    where: { phone },
    update: {},
    create: { phone, name, locale: "ru", adultConfirmedAt: new Date() },
  });
}

/** Everything a new user needs to try the product: run on first start, safe to run again. */
export async function seedDemoData(db: PrismaClient): Promise<void> {
  await seedLegalDocuments(db);

  const companies = [];
  for (const company of OUTSOURCING_COMPANIES) {
    const row = await db.outsourcingCompany.upsert({
      where: { name: company.name },
      update: {},
      create: { name: company.name },
    });
    const staff = await person(db, company.staff.phone, company.staff.name);
    await db.staffMember.upsert({
      where: { companyId_personId: { companyId: row.id, personId: staff.id } },
      update: {},
      create: { companyId: row.id, personId: staff.id, role: company.staff.role },
    });
    companies.push(row);
  }

  const operator = await person(db, DEMO_ACCOUNTS.operator.phone, DEMO_ACCOUNTS.operator.name);
  await db.operator.upsert({
    where: { personId: operator.id },
    update: {},
    create: { personId: operator.id, role: "ADMIN" },
  });

  const partner = await upsertPartner(db, {
    ...DEMO_PARTNER,
    type: "LEGAL_ENTITY",
    outsourcingCompanyId: companies[0]!.id,
  });
  const primary = await person(db, DEMO_ACCOUNTS.primary.phone, DEMO_ACCOUNTS.primary.name);
  const full = await person(db, DEMO_ACCOUNTS.full.phone, DEMO_ACCOUNTS.full.name);
  const restricted = await person(db, DEMO_ACCOUNTS.restricted.phone, DEMO_ACCOUNTS.restricted.name);
  await membership(db, partner.id, primary.id, { role: "PRIMARY", position: "Директор" });
  await membership(db, partner.id, full.id, { role: "FULL", position: DEMO_ACCOUNTS.full.position });
  await membership(db, partner.id, restricted.id, {
    role: "RESTRICTED",
    position: DEMO_ACCOUNTS.restricted.position,
    rights: { requests: "edit", documents: "view", profile: "view" },
    documentCategories: ["contracts", "acts_invoices"],
  });

  // One person in two cabinets: the FULL user of the demo company runs their own sole proprietorship.
  const second = await upsertPartner(db, {
    ...SECOND_DEMO_PARTNER,
    type: "INDIVIDUAL_ENTREPRENEUR",
    outsourcingCompanyId: companies[1]!.id,
  });
  await membership(db, second.id, full.id, { role: "PRIMARY", position: "Индивидуальный предприниматель" });
}

async function upsertPartner(
  db: PrismaClient,
  data: { name: string; taxId: string; type: "LEGAL_ENTITY" | "INDIVIDUAL_ENTREPRENEUR"; outsourcingCompanyId: string },
) {
  const existing = await db.partner.findFirst({ where: { taxId: data.taxId } });
  return existing ?? db.partner.create({ data: { ...data, status: "DEMO" } });
}

async function membership(
  db: PrismaClient,
  partnerId: string,
  personId: string,
  data: {
    role: "PRIMARY" | "FULL" | "RESTRICTED";
    position: string;
    rights?: Record<string, string>;
    documentCategories?: string[];
  },
) {
  await db.membership.upsert({
    where: { partnerId_personId: { partnerId, personId } },
    update: {},
    create: {
      partnerId,
      personId,
      role: data.role,
      position: data.position,
      rights: data.rights ?? {},
      documentCategories: data.documentCategories ?? [],
    },
  });
}

/** True when the database has never been seeded. */
export async function isEmptyDatabase(db: PrismaClient): Promise<boolean> {
  return (await db.legalDocument.count()) === 0;
}
