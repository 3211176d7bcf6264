import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedBilling } from "./seed-billing";
import { seedCatalogue } from "./seed-catalogue";
import { LEGAL_TEXTS_V1 } from "./seed-data/legal-texts";

/** Demo accounts listed in README.md; log in with these numbers and the code from the SMS log. */
export const DEMO_ACCOUNTS = {
  primary: { phone: "+77015550001", name: "Айгерим Садыкова" },
  full: { phone: "+77015550002", name: "Ерлан Жумабаев", position: "Главный бухгалтер" },
  restricted: { phone: "+77015550003", name: "Дина Ким", position: "Офис-менеджер" },
  operator: { phone: "+77015550099", name: "Оператор платформы" },
  support: { phone: "+77015550098", name: "Поддержка платформы" },
} as const;

type StaffSeed = { phone: string; name: string; role: "MANAGER" | "ACCOUNTANT" | "LAWYER" | "HR_ASSISTANT" };

/** Outsourcing companies of the user agreement's Appendix 1, each with a manager, an accountant, a lawyer and an HR assistant. */
export const OUTSOURCING_COMPANIES: readonly { name: string; staff: readonly StaffSeed[] }[] = [
  {
    name: "ТОО «Просто Аутсорсинг ГК»",
    staff: [
      { phone: "+77015550021", name: "Бауыржан Касымов", role: "MANAGER" },
      { phone: "+77015550011", name: "Асель Нурпеисова", role: "ACCOUNTANT" },
      { phone: "+77015550031", name: "Руслан Ибраев", role: "LAWYER" },
      { phone: "+77015550041", name: "Жанна Тулегенова", role: "HR_ASSISTANT" },
    ],
  },
  {
    name: "ТОО «Просто Аутсорсинг А»",
    staff: [
      { phone: "+77015550012", name: "Марат Оспанов", role: "MANAGER" },
      { phone: "+77015550022", name: "Айнур Бекова", role: "ACCOUNTANT" },
      { phone: "+77015550032", name: "Данияр Смагулов", role: "LAWYER" },
      { phone: "+77015550042", name: "Сауле Мукашева", role: "HR_ASSISTANT" },
    ],
  },
  {
    name: "ТОО «Просто Аутсорсинг Б»",
    staff: [
      { phone: "+77015550023", name: "Ержан Абенов", role: "MANAGER" },
      { phone: "+77015550033", name: "Мадина Сарсенова", role: "ACCOUNTANT" },
      { phone: "+77015550043", name: "Арман Жакупов", role: "LAWYER" },
      { phone: "+77015550013", name: "Гульнара Ахметова", role: "HR_ASSISTANT" },
    ],
  },
  {
    name: "ТОО «Просто Аутсорсинг Ю»",
    staff: [
      { phone: "+77015550024", name: "Алия Нурланова", role: "MANAGER" },
      { phone: "+77015550034", name: "Кайрат Утепов", role: "ACCOUNTANT" },
      { phone: "+77015550014", name: "Тимур Сейтказиев", role: "LAWYER" },
      { phone: "+77015550044", name: "Индира Касенова", role: "HR_ASSISTANT" },
    ],
  },
];

/** Demo Partners: the main one, a sole proprietorship, one more client of the first company, and a staff member's own business. */
export const DEMO_PARTNER = { name: "ТОО «Алатау Трейд»", taxId: "180440012349" };
export const SECOND_DEMO_PARTNER = { name: "ИП Жумабаев Е.", taxId: "850315300455" };
export const THIRD_DEMO_PARTNER = { name: "ТОО «Степь Логистик»", taxId: "190540012345" };
export const STAFF_OWN_PARTNER = { name: "ИП Оспанов М.", taxId: "780315300122" };

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
  await seedCatalogue(db);

  const companies = [];
  for (const company of OUTSOURCING_COMPANIES) {
    const row = await db.outsourcingCompany.upsert({
      where: { name: company.name },
      update: {},
      create: { name: company.name },
    });
    const staff = new Map<string, string>();
    for (const member of company.staff) {
      const who = await person(db, member.phone, member.name);
      const staffMember = await db.staffMember.upsert({
        where: { companyId_personId: { companyId: row.id, personId: who.id } },
        update: {},
        create: { companyId: row.id, personId: who.id, role: member.role },
      });
      staff.set(member.role, staffMember.id);
    }
    companies.push({ ...row, staff });
  }

  await seedBilling(db);

  const operator = await person(db, DEMO_ACCOUNTS.operator.phone, DEMO_ACCOUNTS.operator.name);
  await db.operator.upsert({
    where: { personId: operator.id },
    update: {},
    create: { personId: operator.id, role: "ADMIN" },
  });
  const support = await person(db, DEMO_ACCOUNTS.support.phone, DEMO_ACCOUNTS.support.name);
  await db.operator.upsert({
    where: { personId: support.id },
    update: {},
    create: { personId: support.id, role: "SUPPORT" },
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
    rights: { requests: "edit", documents: "edit", profile: "view" },
    documentCategories: ["contracts", "acts_invoices"],
  });

  // One person in two cabinets: the FULL user of the demo company runs their own sole proprietorship.
  const second = await upsertPartner(db, {
    ...SECOND_DEMO_PARTNER,
    type: "INDIVIDUAL_ENTREPRENEUR",
    outsourcingCompanyId: companies[1]!.id,
  });
  await membership(db, second.id, full.id, { role: "PRIMARY", position: "Индивидуальный предприниматель" });

  // The first company's accountant, lawyer and HR assistant serve the main demo Partner; the second
  // company's accountant the sole proprietorship. The third Partner has no one assigned yet.
  const [gk, a] = [companies[0]!, companies[1]!];
  await assign(db, partner.id, gk.staff.get("ACCOUNTANT")!, "ACCOUNTING");
  await assign(db, partner.id, gk.staff.get("LAWYER")!, "LEGAL");
  await assign(db, partner.id, gk.staff.get("HR_ASSISTANT")!, "HR");
  await assign(db, second.id, a.staff.get("ACCOUNTANT")!, "ACCOUNTING");
  const third = await upsertPartner(db, { ...THIRD_DEMO_PARTNER, type: "LEGAL_ENTITY", outsourcingCompanyId: gk.id });
  const thirdHead = await person(db, "+77015550005", "Нурлан Ермеков");
  await membership(db, third.id, thirdHead.id, { role: "PRIMARY", position: "Директор" });

  // A person with both a desk and a cabinet: the second company's manager runs a sole proprietorship,
  // served by another company.
  const own = await upsertPartner(db, {
    ...STAFF_OWN_PARTNER,
    type: "INDIVIDUAL_ENTREPRENEUR",
    outsourcingCompanyId: companies[3]!.id,
  });
  const manager = await person(db, OUTSOURCING_COMPANIES[1]!.staff[0]!.phone, OUTSOURCING_COMPANIES[1]!.staff[0]!.name);
  await membership(db, own.id, manager.id, { role: "PRIMARY", position: "Индивидуальный предприниматель" });
}

async function assign(
  db: PrismaClient,
  partnerId: string,
  staffMemberId: string,
  responsibility: "ACCOUNTING" | "LEGAL" | "HR" | "GENERAL",
) {
  await db.staffAssignment.upsert({
    where: { partnerId_staffMemberId_responsibility: { partnerId, staffMemberId, responsibility } },
    update: {},
    create: { partnerId, staffMemberId, responsibility },
  });
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
