-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'DAY_OFF', 'WORKING_DAY');

-- AlterTable
ALTER TABLE "outsourcing_company" ADD COLUMN     "workdayEndMinute" INTEGER NOT NULL DEFAULT 1080,
ADD COLUMN     "workdayStartMinute" INTEGER NOT NULL DEFAULT 540;

-- CreateTable
CREATE TABLE "calendar_day" (
    "id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL DEFAULT '',
    "nameEn" TEXT NOT NULL DEFAULT '',
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_day_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "calendar_day_date_key" ON "calendar_day"("date");

-- The Kazakh production calendar 2025–2027 (docs/architecture.md, "Working calendar"): data, not
-- code, so every deployment has it once; operators keep it from here in the back office.
INSERT INTO "calendar_day" ("id", "date", "kind", "nameRu", "nameKk", "nameEn", "note") VALUES
  (gen_random_uuid(), DATE '2025-01-01', 'HOLIDAY', 'Новый год', 'Жаңа жыл', 'New Year', NULL),
  (gen_random_uuid(), DATE '2025-01-02', 'HOLIDAY', 'Новый год', 'Жаңа жыл', 'New Year', NULL),
  (gen_random_uuid(), DATE '2025-01-03', 'DAY_OFF', 'Выходной день (перенос: Новый год)', 'Демалыс күні (ауыстыру: Жаңа жыл)', 'Day off in lieu (New Year)', 'Приказ МТСЗН: перенос с воскресенья 5 января'),
  (gen_random_uuid(), DATE '2025-01-05', 'WORKING_DAY', 'Рабочий день (перенос на 3 января)', 'Жұмыс күні (3 қаңтарға ауыстыру)', 'Working day (moved to 3 January)', 'Приказ МТСЗН'),
  (gen_random_uuid(), DATE '2025-01-07', 'HOLIDAY', 'Рождество Христово (православное)', 'Православиелік Рождество', 'Orthodox Christmas', NULL),
  (gen_random_uuid(), DATE '2025-03-08', 'HOLIDAY', 'Международный женский день', 'Халықаралық әйелдер күні', 'International Women''s Day', NULL),
  (gen_random_uuid(), DATE '2025-03-10', 'DAY_OFF', 'Выходной день (перенос: Международный женский день)', 'Демалыс күні (ауыстыру: Халықаралық әйелдер күні)', 'Day off in lieu (International Women''s Day)', 'Закон № 267, ст. 5'),
  (gen_random_uuid(), DATE '2025-03-21', 'HOLIDAY', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz', NULL),
  (gen_random_uuid(), DATE '2025-03-22', 'HOLIDAY', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz', NULL),
  (gen_random_uuid(), DATE '2025-03-23', 'HOLIDAY', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz', NULL),
  (gen_random_uuid(), DATE '2025-03-24', 'DAY_OFF', 'Выходной день (перенос: Наурыз мейрамы)', 'Демалыс күні (ауыстыру: Наурыз мейрамы)', 'Day off in lieu (Nauryz)', 'Закон № 267, ст. 5'),
  (gen_random_uuid(), DATE '2025-03-25', 'DAY_OFF', 'Выходной день (перенос: Наурыз мейрамы)', 'Демалыс күні (ауыстыру: Наурыз мейрамы)', 'Day off in lieu (Nauryz)', 'Закон № 267, ст. 5'),
  (gen_random_uuid(), DATE '2025-05-01', 'HOLIDAY', 'Праздник единства народа Казахстана', 'Қазақстан халқының бірлігі мерекесі', 'Day of Unity of the People of Kazakhstan', NULL),
  (gen_random_uuid(), DATE '2025-05-07', 'HOLIDAY', 'День защитника Отечества', 'Отан қорғаушы күні', 'Defender of the Fatherland Day', NULL),
  (gen_random_uuid(), DATE '2025-05-09', 'HOLIDAY', 'День Победы', 'Жеңіс күні', 'Victory Day', NULL),
  (gen_random_uuid(), DATE '2025-06-06', 'HOLIDAY', 'Курбан айт (первый день)', 'Құрбан айт (бірінші күні)', 'Kurban Ait (first day)', NULL),
  (gen_random_uuid(), DATE '2025-07-06', 'HOLIDAY', 'День Столицы', 'Астана күні', 'Capital Day', NULL),
  (gen_random_uuid(), DATE '2025-07-07', 'DAY_OFF', 'Выходной день (перенос: День Столицы)', 'Демалыс күні (ауыстыру: Астана күні)', 'Day off in lieu (Capital Day)', 'Закон № 267, ст. 5'),
  (gen_random_uuid(), DATE '2025-08-30', 'HOLIDAY', 'День Конституции', 'Конституция күні', 'Constitution Day', NULL),
  (gen_random_uuid(), DATE '2025-09-01', 'DAY_OFF', 'Выходной день (перенос: День Конституции)', 'Демалыс күні (ауыстыру: Конституция күні)', 'Day off in lieu (Constitution Day)', 'Закон № 267, ст. 5'),
  (gen_random_uuid(), DATE '2025-10-25', 'HOLIDAY', 'День Республики', 'Республика күні', 'Republic Day', NULL),
  (gen_random_uuid(), DATE '2025-10-27', 'DAY_OFF', 'Выходной день (перенос: День Республики)', 'Демалыс күні (ауыстыру: Республика күні)', 'Day off in lieu (Republic Day)', 'Закон № 267, ст. 5'),
  (gen_random_uuid(), DATE '2025-12-16', 'HOLIDAY', 'День Независимости', 'Тәуелсіздік күні', 'Independence Day', NULL),
  (gen_random_uuid(), DATE '2026-01-01', 'HOLIDAY', 'Новый год', 'Жаңа жыл', 'New Year', NULL),
  (gen_random_uuid(), DATE '2026-01-02', 'HOLIDAY', 'Новый год', 'Жаңа жыл', 'New Year', NULL),
  (gen_random_uuid(), DATE '2026-01-07', 'HOLIDAY', 'Рождество Христово (православное)', 'Православиелік Рождество', 'Orthodox Christmas', NULL),
  (gen_random_uuid(), DATE '2026-03-08', 'HOLIDAY', 'Международный женский день', 'Халықаралық әйелдер күні', 'International Women''s Day', NULL),
  (gen_random_uuid(), DATE '2026-03-09', 'DAY_OFF', 'Выходной день (перенос: Международный женский день)', 'Демалыс күні (ауыстыру: Халықаралық әйелдер күні)', 'Day off in lieu (International Women''s Day)', 'Закон № 267, ст. 5'),
  (gen_random_uuid(), DATE '2026-03-21', 'HOLIDAY', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz', NULL),
  (gen_random_uuid(), DATE '2026-03-22', 'HOLIDAY', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz', NULL),
  (gen_random_uuid(), DATE '2026-03-23', 'HOLIDAY', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz', NULL),
  (gen_random_uuid(), DATE '2026-03-24', 'DAY_OFF', 'Выходной день (перенос: Наурыз мейрамы)', 'Демалыс күні (ауыстыру: Наурыз мейрамы)', 'Day off in lieu (Nauryz)', 'Закон № 267, ст. 5'),
  (gen_random_uuid(), DATE '2026-03-25', 'DAY_OFF', 'Выходной день (перенос: Наурыз мейрамы)', 'Демалыс күні (ауыстыру: Наурыз мейрамы)', 'Day off in lieu (Nauryz)', 'Закон № 267, ст. 5'),
  (gen_random_uuid(), DATE '2026-05-01', 'HOLIDAY', 'Праздник единства народа Казахстана', 'Қазақстан халқының бірлігі мерекесі', 'Day of Unity of the People of Kazakhstan', NULL),
  (gen_random_uuid(), DATE '2026-05-07', 'HOLIDAY', 'День защитника Отечества', 'Отан қорғаушы күні', 'Defender of the Fatherland Day', NULL),
  (gen_random_uuid(), DATE '2026-05-09', 'HOLIDAY', 'День Победы', 'Жеңіс күні', 'Victory Day', NULL),
  (gen_random_uuid(), DATE '2026-05-11', 'DAY_OFF', 'Выходной день (перенос: День Победы)', 'Демалыс күні (ауыстыру: Жеңіс күні)', 'Day off in lieu (Victory Day)', 'Закон № 267, ст. 5'),
  (gen_random_uuid(), DATE '2026-05-27', 'HOLIDAY', 'Курбан айт (первый день)', 'Құрбан айт (бірінші күні)', 'Kurban Ait (first day)', NULL),
  (gen_random_uuid(), DATE '2026-07-06', 'HOLIDAY', 'День Столицы', 'Астана күні', 'Capital Day', NULL),
  (gen_random_uuid(), DATE '2026-10-25', 'HOLIDAY', 'День Республики', 'Республика күні', 'Republic Day', NULL),
  (gen_random_uuid(), DATE '2026-10-26', 'DAY_OFF', 'Выходной день (перенос: День Республики)', 'Демалыс күні (ауыстыру: Республика күні)', 'Day off in lieu (Republic Day)', 'Закон № 267, ст. 5'),
  (gen_random_uuid(), DATE '2026-12-16', 'HOLIDAY', 'День Независимости', 'Тәуелсіздік күні', 'Independence Day', NULL),
  (gen_random_uuid(), DATE '2027-01-01', 'HOLIDAY', 'Новый год', 'Жаңа жыл', 'New Year', NULL),
  (gen_random_uuid(), DATE '2027-01-02', 'HOLIDAY', 'Новый год', 'Жаңа жыл', 'New Year', NULL),
  (gen_random_uuid(), DATE '2027-01-04', 'DAY_OFF', 'Выходной день (перенос: Новый год)', 'Демалыс күні (ауыстыру: Жаңа жыл)', 'Day off in lieu (New Year)', 'Предварительно: ст. 5'),
  (gen_random_uuid(), DATE '2027-01-07', 'HOLIDAY', 'Рождество Христово (православное)', 'Православиелік Рождество', 'Orthodox Christmas', NULL),
  (gen_random_uuid(), DATE '2027-03-08', 'HOLIDAY', 'Международный женский день', 'Халықаралық әйелдер күні', 'International Women''s Day', NULL),
  (gen_random_uuid(), DATE '2027-03-15', 'HOLIDAY', 'День Конституции', 'Конституция күні', 'Constitution Day', 'С 2027 года'),
  (gen_random_uuid(), DATE '2027-03-21', 'HOLIDAY', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz', NULL),
  (gen_random_uuid(), DATE '2027-03-22', 'HOLIDAY', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz', NULL),
  (gen_random_uuid(), DATE '2027-03-23', 'HOLIDAY', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz', NULL),
  (gen_random_uuid(), DATE '2027-03-24', 'DAY_OFF', 'Выходной день (перенос: Наурыз мейрамы)', 'Демалыс күні (ауыстыру: Наурыз мейрамы)', 'Day off in lieu (Nauryz)', 'Предварительно: ст. 5'),
  (gen_random_uuid(), DATE '2027-05-01', 'HOLIDAY', 'Праздник единства народа Казахстана', 'Қазақстан халқының бірлігі мерекесі', 'Day of Unity of the People of Kazakhstan', NULL),
  (gen_random_uuid(), DATE '2027-05-03', 'DAY_OFF', 'Выходной день (перенос: Праздник единства народа Казахстана)', 'Демалыс күні (ауыстыру: Қазақстан халқының бірлігі мерекесі)', 'Day off in lieu (Day of Unity of the People of Kazakhstan)', 'Предварительно: ст. 5'),
  (gen_random_uuid(), DATE '2027-05-07', 'HOLIDAY', 'День защитника Отечества', 'Отан қорғаушы күні', 'Defender of the Fatherland Day', NULL),
  (gen_random_uuid(), DATE '2027-05-09', 'HOLIDAY', 'День Победы', 'Жеңіс күні', 'Victory Day', NULL),
  (gen_random_uuid(), DATE '2027-05-10', 'DAY_OFF', 'Выходной день (перенос: День Победы)', 'Демалыс күні (ауыстыру: Жеңіс күні)', 'Day off in lieu (Victory Day)', 'Предварительно: ст. 5'),
  (gen_random_uuid(), DATE '2027-07-06', 'HOLIDAY', 'День Столицы', 'Астана күні', 'Capital Day', NULL),
  (gen_random_uuid(), DATE '2027-10-25', 'HOLIDAY', 'День Республики', 'Республика күні', 'Republic Day', NULL),
  (gen_random_uuid(), DATE '2027-12-16', 'HOLIDAY', 'День Независимости', 'Тәуелсіздік күні', 'Independence Day', NULL)
ON CONFLICT ("date") DO NOTHING;
