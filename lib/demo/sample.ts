import { makePdf } from "@/lib/documents/inspect/samples";

/** How long a visitor's demo cabinet lives (BIZ-3, 001 §4). */
export const DEMO_LIFETIME_DAYS = 7;
/** Demo cabinets one address may start per hour. */
export const DEMO_PER_IP_PER_HOUR = 5;
/** The outsourcing company that serves every demo cabinet, and its accountant. */
export const DEMO_COMPANY = "Демо-аутсорсинг «Пример»";
export const DEMO_ACCOUNTANT = "Асем Жаксылыкова (демо)";

export interface SampleDocument {
  category: "contracts" | "acts_invoices" | "tax_reports" | "hr" | "constituent" | "other";
  title: string;
  direction: "INTERNAL" | "TO_OUTSOURCER" | "FROM_OUTSOURCER";
  /** Who added it: the primary user or the demo accountant. */
  by: "primary" | "accountant";
  lines: string[];
  daysAgo: number;
}

/** The sample library: what went each way between a small company and its accountant. */
export const SAMPLE_DOCUMENTS: SampleDocument[] = [
  {
    category: "contracts",
    title: "Договор на бухгалтерское обслуживание № 15/2026",
    direction: "FROM_OUTSOURCER",
    by: "accountant",
    lines: ["Договор на бухгалтерское обслуживание № 15/2026", "Sample document of the demo cabinet"],
    daysAgo: 20,
  },
  {
    category: "tax_reports",
    title: "Форма 910.00 за 1 полугодие 2026 года",
    direction: "FROM_OUTSOURCER",
    by: "accountant",
    lines: ["Упрощённая декларация 910.00", "1 полугодие 2026 года", "Sample document of the demo cabinet"],
    daysAgo: 6,
  },
  {
    category: "hr",
    title: "Приказ о приёме на работу — Сапаров Е.",
    direction: "TO_OUTSOURCER",
    by: "primary",
    lines: ["Приказ о приёме на работу", "Sample document of the demo cabinet"],
    daysAgo: 4,
  },
  {
    category: "acts_invoices",
    title: "Акт сверки за октябрь 2026",
    direction: "INTERNAL",
    by: "primary",
    lines: ["Акт сверки взаиморасчётов за октябрь 2026", "Sample document of the demo cabinet"],
    daysAgo: 1,
  },
];

/** The bytes of a sample document: a small PDF with its title. */
export function sampleBytes(doc: SampleDocument): Buffer {
  return makePdf(doc.lines);
}

/** Sample users beside the visitor. */
export const SAMPLE_MEMBERS = [
  { name: "Ерлан Сапаров", position: "Коммерческий директор", role: "FULL" as const, rights: {}, categories: [] },
  {
    name: "Дина Ахметова",
    position: "Менеджер по персоналу",
    role: "RESTRICTED" as const,
    rights: { requests: "edit", documents: "view" },
    categories: ["hr"],
  },
];

export const SAMPLE_COMPANY = {
  name: "ТОО «Демо Компания»",
  legalAddress: "г. Алматы, пр. Абая, 10, офис 5",
  headName: "Гость демо-кабинета",
  headPosition: "Директор",
  bankName: "АО «Демо Банк»",
  bik: "DEMOKZKA",
  contactEmail: null,
};

/** Sample requests to the accountant, each with an answer: one waits for the visitor, one is resolved. */
export const SAMPLE_REQUESTS = [
  {
    category: "payroll_hr" as const,
    priority: "normal" as const,
    subject: "Расчёт зарплаты за ноябрь",
    text: "Добрый день! Подготовьте, пожалуйста, расчёт зарплаты за ноябрь: у нас новый сотрудник с 4 ноября.",
    reply:
      "Здравствуйте! Пришлите, пожалуйста, приказ о приёме и заявление нового сотрудника — после этого сделаем расчёт.",
    status: "WAITING_PARTNER" as const,
  },
  {
    category: "tax_reporting" as const,
    priority: "urgent" as const,
    subject: "Срок сдачи формы 910",
    text: "Подскажите, до какого числа нужно сдать форму 910 за второе полугодие?",
    reply: "Форму 910.00 за второе полугодие сдаём до 15 февраля. Мы подготовим её заранее и пришлём вам на проверку.",
    status: "RESOLVED" as const,
  },
];
