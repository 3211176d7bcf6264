/**
 * Sample tariffs and additional services (BIZ-1, 001 §1.10–1.11): marked `sample`, so the public
 * pages say so until operators enter the real catalogue. Prices in whole tenge.
 */
type Texts = { ru: string; kk: string; en: string };

export interface TariffSeed {
  slug: string;
  name: Texts;
  description: Texts;
  price: number;
  maxUsers: number;
  storageMb: number;
  requestsPerMonth: number;
  includedServices: string[];
}

export interface ServiceSeed {
  slug: string;
  name: Texts;
  description: Texts;
  price: number;
  kind: "ONE_OFF" | "RECURRING";
  availableInDemo: boolean;
}

/** The date the sample prices take effect from. */
export const SAMPLE_PRICES_FROM = new Date("2026-01-01T00:00:00+05:00");

export const SAMPLE_TARIFFS: readonly TariffSeed[] = [
  {
    slug: "start",
    name: { ru: "Старт", kk: "Старт", en: "Start" },
    description: {
      ru: "Для индивидуальных предпринимателей и небольших ТОО: бухгалтерия и налоговая отчётность.",
      kk: "Жеке кәсіпкерлер мен шағын ЖШС үшін: бухгалтерлік есеп және салық есептілігі.",
      en: "For sole proprietors and small LLPs: bookkeeping and tax reporting.",
    },
    price: 25_000,
    maxUsers: 2,
    storageMb: 1_024,
    requestsPerMonth: 20,
    includedServices: ["accounting", "tax_reporting"],
  },
  {
    slug: "business",
    name: { ru: "Бизнес", kk: "Бизнес", en: "Business" },
    description: {
      ru: "Для растущих компаний: бухгалтерия, отчётность и кадровое делопроизводство.",
      kk: "Өсіп келе жатқан компаниялар үшін: бухгалтерия, есептілік және кадрлық іс жүргізу.",
      en: "For growing companies: bookkeeping, reporting and HR records.",
    },
    price: 65_000,
    maxUsers: 5,
    storageMb: 5_120,
    requestsPerMonth: 60,
    includedServices: ["accounting", "tax_reporting", "hr_assistant"],
  },
  {
    slug: "premium",
    name: { ru: "Премиум", kk: "Премиум", en: "Premium" },
    description: {
      ru: "Полное сопровождение: бухгалтерия, отчётность, кадры и юридическая помощь.",
      kk: "Толық сүйемелдеу: бухгалтерия, есептілік, кадрлар және заң көмегі.",
      en: "Full support: bookkeeping, reporting, HR and legal help.",
    },
    price: 150_000,
    maxUsers: 15,
    storageMb: 20_480,
    requestsPerMonth: 200,
    includedServices: ["accounting", "tax_reporting", "hr_assistant", "legal_help"],
  },
];

export const SAMPLE_SERVICES: readonly ServiceSeed[] = [
  {
    slug: "company-registration",
    name: { ru: "Регистрация ТОО", kk: "ЖШС тіркеу", en: "LLP registration" },
    description: {
      ru: "Подготовка документов и регистрация товарищества через eGov.",
      kk: "Құжаттарды дайындау және серіктестікті eGov арқылы тіркеу.",
      en: "Preparing the documents and registering the partnership through eGov.",
    },
    price: 30_000,
    kind: "ONE_OFF",
    availableInDemo: true,
  },
  {
    slug: "tax-declaration",
    name: { ru: "Сдача налоговой декларации", kk: "Салық декларациясын тапсыру", en: "Tax declaration filing" },
    description: {
      ru: "Подготовка и сдача одной декларации в КГД (например, форма 910.00).",
      kk: "МКК-ға бір декларацияны дайындау және тапсыру (мысалы, 910.00 нысаны).",
      en: "Preparing and filing one declaration with the State Revenue Committee (e.g. form 910.00).",
    },
    price: 15_000,
    kind: "ONE_OFF",
    availableInDemo: true,
  },
  {
    slug: "payroll",
    name: { ru: "Расчёт зарплаты за месяц", kk: "Айлық жалақыны есептеу", en: "Monthly payroll" },
    description: {
      ru: "Начисление зарплаты, ИПН, ОПВ, СО и ОСМС за месяц, до 10 сотрудников.",
      kk: "Айлық жалақы, ЖТС, МЗЖ, ӘА және МӘМС есептеу, 10 қызметкерге дейін.",
      en: "Salaries, income tax, pension and social contributions for a month, up to 10 employees.",
    },
    price: 20_000,
    kind: "RECURRING",
    availableInDemo: false,
  },
  {
    slug: "legal-consultation",
    name: { ru: "Юридическая консультация", kk: "Заң кеңесі", en: "Legal consultation" },
    description: {
      ru: "Один час консультации юриста по договорам, трудовым или корпоративным вопросам.",
      kk: "Шарттар, еңбек немесе корпоративтік мәселелер бойынша заңгердің бір сағаттық кеңесі.",
      en: "One hour with a lawyer on contracts, employment or corporate questions.",
    },
    price: 12_000,
    kind: "ONE_OFF",
    availableInDemo: true,
  },
  {
    slug: "hr-records-setup",
    name: { ru: "Постановка кадрового учёта", kk: "Кадрлық есепті жолға қою", en: "HR records setup" },
    description: {
      ru: "Приказы, трудовые договоры, штатное расписание и правила внутреннего распорядка.",
      kk: "Бұйрықтар, еңбек шарттары, штаттық кесте және ішкі тәртіп ережелері.",
      en: "Orders, employment contracts, staffing table and internal work rules.",
    },
    price: 45_000,
    kind: "ONE_OFF",
    availableInDemo: false,
  },
  {
    slug: "document-archive",
    name: { ru: "Хранение архива документов", kk: "Құжаттар мұрағатын сақтау", en: "Document archive storage" },
    description: {
      ru: "Хранение бумажного архива компании с описью, ежемесячно.",
      kk: "Компанияның қағаз мұрағатын тізімдемесімен ай сайын сақтау.",
      en: "Keeping the company's paper archive with an inventory, monthly.",
    },
    price: 8_000,
    kind: "RECURRING",
    availableInDemo: false,
  },
];
