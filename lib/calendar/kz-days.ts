/**
 * The Kazakh production calendar for 2025–2027 beyond ordinary weekends, from
 * /work/shared/research/kz-working-calendar.md (Law No. 267 of 13 Dec 2001, art. 5 transfers, MTSZN
 * orders). The migration `calendar` inserted exactly these rows; after that, operators keep the
 * table in the back office, so this list is not read at run time (tests build a calendar from it).
 */

import type { CalendarDayKind } from "./kinds";

export interface CalendarDaySeed {
  date: string;
  kind: CalendarDayKind;
  name: { ru: string; kk: string; en: string };
  note?: string;
}

const H = {
  newYear: { ru: "Новый год", kk: "Жаңа жыл", en: "New Year" },
  christmas: { ru: "Рождество Христово (православное)", kk: "Православиелік Рождество", en: "Orthodox Christmas" },
  women: { ru: "Международный женский день", kk: "Халықаралық әйелдер күні", en: "International Women's Day" },
  nauryz: { ru: "Наурыз мейрамы", kk: "Наурыз мейрамы", en: "Nauryz" },
  unity: {
    ru: "Праздник единства народа Казахстана",
    kk: "Қазақстан халқының бірлігі мерекесі",
    en: "Day of Unity of the People of Kazakhstan",
  },
  defender: { ru: "День защитника Отечества", kk: "Отан қорғаушы күні", en: "Defender of the Fatherland Day" },
  victory: { ru: "День Победы", kk: "Жеңіс күні", en: "Victory Day" },
  kurban: { ru: "Курбан айт (первый день)", kk: "Құрбан айт (бірінші күні)", en: "Kurban Ait (first day)" },
  capital: { ru: "День Столицы", kk: "Астана күні", en: "Capital Day" },
  constitution: { ru: "День Конституции", kk: "Конституция күні", en: "Constitution Day" },
  republic: { ru: "День Республики", kk: "Республика күні", en: "Republic Day" },
  independence: { ru: "День Независимости", kk: "Тәуелсіздік күні", en: "Independence Day" },
} as const;

type Holiday = (typeof H)[keyof typeof H];

const holiday = (date: string, name: Holiday, note?: string): CalendarDaySeed => ({
  date,
  kind: "HOLIDAY",
  name,
  note,
});

/** A transfer day off for a holiday that fell on a weekend (art. 5), or by a ministry order. */
const dayOff = (date: string, forHoliday: Holiday, note = "Закон № 267, ст. 5"): CalendarDaySeed => ({
  date,
  kind: "DAY_OFF",
  name: {
    ru: `Выходной день (перенос: ${forHoliday.ru})`,
    kk: `Демалыс күні (ауыстыру: ${forHoliday.kk})`,
    en: `Day off in lieu (${forHoliday.en})`,
  },
  note,
});

export const KZ_CALENDAR_DAYS: readonly CalendarDaySeed[] = [
  // 2025
  holiday("2025-01-01", H.newYear),
  holiday("2025-01-02", H.newYear),
  dayOff("2025-01-03", H.newYear, "Приказ МТСЗН: перенос с воскресенья 5 января"),
  {
    date: "2025-01-05",
    kind: "WORKING_DAY",
    name: {
      ru: "Рабочий день (перенос на 3 января)",
      kk: "Жұмыс күні (3 қаңтарға ауыстыру)",
      en: "Working day (moved to 3 January)",
    },
    note: "Приказ МТСЗН",
  },
  holiday("2025-01-07", H.christmas),
  holiday("2025-03-08", H.women),
  dayOff("2025-03-10", H.women),
  holiday("2025-03-21", H.nauryz),
  holiday("2025-03-22", H.nauryz),
  holiday("2025-03-23", H.nauryz),
  dayOff("2025-03-24", H.nauryz),
  dayOff("2025-03-25", H.nauryz),
  holiday("2025-05-01", H.unity),
  holiday("2025-05-07", H.defender),
  holiday("2025-05-09", H.victory),
  holiday("2025-06-06", H.kurban),
  holiday("2025-07-06", H.capital),
  dayOff("2025-07-07", H.capital),
  holiday("2025-08-30", H.constitution),
  dayOff("2025-09-01", H.constitution),
  holiday("2025-10-25", H.republic),
  dayOff("2025-10-27", H.republic),
  holiday("2025-12-16", H.independence),
  // 2026 (30 August is no longer a holiday: the Constitution of 15 March 2026)
  holiday("2026-01-01", H.newYear),
  holiday("2026-01-02", H.newYear),
  holiday("2026-01-07", H.christmas),
  holiday("2026-03-08", H.women),
  dayOff("2026-03-09", H.women),
  holiday("2026-03-21", H.nauryz),
  holiday("2026-03-22", H.nauryz),
  holiday("2026-03-23", H.nauryz),
  dayOff("2026-03-24", H.nauryz),
  dayOff("2026-03-25", H.nauryz),
  holiday("2026-05-01", H.unity),
  holiday("2026-05-07", H.defender),
  holiday("2026-05-09", H.victory),
  dayOff("2026-05-11", H.victory),
  holiday("2026-05-27", H.kurban),
  holiday("2026-07-06", H.capital),
  holiday("2026-10-25", H.republic),
  dayOff("2026-10-26", H.republic),
  holiday("2026-12-16", H.independence),
  // 2027: provisional, by the art. 5 rule alone; Kurban Ait to be added when published
  holiday("2027-01-01", H.newYear),
  holiday("2027-01-02", H.newYear),
  dayOff("2027-01-04", H.newYear, "Предварительно: ст. 5"),
  holiday("2027-01-07", H.christmas),
  holiday("2027-03-08", H.women),
  holiday("2027-03-15", H.constitution, "С 2027 года"),
  holiday("2027-03-21", H.nauryz),
  holiday("2027-03-22", H.nauryz),
  holiday("2027-03-23", H.nauryz),
  dayOff("2027-03-24", H.nauryz, "Предварительно: ст. 5"),
  holiday("2027-05-01", H.unity),
  dayOff("2027-05-03", H.unity, "Предварительно: ст. 5"),
  holiday("2027-05-07", H.defender),
  holiday("2027-05-09", H.victory),
  dayOff("2027-05-10", H.victory, "Предварительно: ст. 5"),
  holiday("2027-07-06", H.capital),
  holiday("2027-10-25", H.republic),
  holiday("2027-12-16", H.independence),
];
