import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextFor, login, startIntegrationDatabase, uniquePhone } from "@/lib/testing/integration";
import { removeCalendarDay } from "./actions/remove-calendar-day";
import { saveCalendarDay } from "./actions/save-calendar-day";
import { setWorkingHours } from "./actions/set-working-hours";
import { KZ_CALENDAR_DAYS } from "./kz-days";
import { loadWorkingCalendar } from "./queries";
import { addWorkingHours, isWorkingDay, workingMillisBetween } from "./working-time";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let admin: { personId: string; token: string };
let support: { personId: string; token: string };
let companyId = "";
beforeAll(async () => {
  env = await startIntegrationDatabase();
  const operator = async (role: "ADMIN" | "SUPPORT") => {
    const phone = uniquePhone();
    const p = await env.prisma.person.create({
      data: { phone, name: `Оператор ${role}`, adultConfirmedAt: new Date() },
    });
    await env.prisma.operator.create({ data: { personId: p.id, role } });
    return { personId: p.id, token: await login(phone) };
  };
  admin = await operator("ADMIN");
  support = await operator("SUPPORT");
  companyId = (await env.prisma.outsourcingCompany.create({ data: { name: "Аутсорсинг Календарь" } })).id;
});
afterAll(async () => {
  await env.close();
});

const almaty = (local: string) => new Date(`${local}+05:00`);
const wide = (from: string) => [almaty(from), new Date(almaty(from).getTime() + 90 * 86_400_000)] as const;

async function lastAudit(action: string, personId: string) {
  return env.prisma.auditEvent.findFirst({ where: { action, actorPersonId: personId }, orderBy: { id: "desc" } });
}

describe("the calendar in every deployment", () => {
  it("the migration put in the 2025–2027 list", async () => {
    const rows = await env.prisma.calendarDay.findMany({ orderBy: { date: "asc" } });
    expect(rows.map((r) => [r.date.toISOString().slice(0, 10), r.kind])).toEqual(
      KZ_CALENDAR_DAYS.map((d) => [d.date, d.kind]),
    );
  });

  it("the issue's case holds on the stored 2026 calendar with default hours", async () => {
    const [from, to] = wide("2026-03-20T17:30:00");
    const cal = await loadWorkingCalendar(env.prisma, null, from, to);
    expect(addWorkingHours(from, 8, cal)).toEqual(almaty("2026-03-26T16:30:00"));
  });
});

describe("loadWorkingCalendar", () => {
  it("reads only the days in the range, and a company's own hours", async () => {
    await env.prisma.outsourcingCompany.update({
      where: { id: companyId },
      data: { workdayStartMinute: 8 * 60, workdayEndMinute: 17 * 60 },
    });
    const cal = await loadWorkingCalendar(
      env.prisma,
      companyId,
      almaty("2026-05-01T00:00:00"),
      almaty("2026-05-31T12:00:00"),
    );
    expect([cal.dayStartMinute, cal.dayEndMinute, cal.timeZone]).toEqual([480, 1020, "Asia/Almaty"]);
    expect([...cal.daysOff].sort()).toEqual(["2026-05-01", "2026-05-07", "2026-05-09", "2026-05-11", "2026-05-27"]);
    // Thursday 30 April 16:00 + 2 h: one hour that day (to 17:00), 1 May off, weekend, Monday 4 May 09:00.
    expect(addWorkingHours(almaty("2026-04-30T16:00:00"), 2, cal)).toEqual(almaty("2026-05-04T09:00:00"));
  });

  it("an unknown company gets the default hours", async () => {
    const cal = await loadWorkingCalendar(
      env.prisma,
      "00000000-0000-4000-8000-000000000000",
      ...wide("2026-01-01T00:00:00"),
    );
    expect([cal.dayStartMinute, cal.dayEndMinute]).toEqual([540, 1080]);
  });
});

describe("operators edit the calendar", () => {
  it("an admin adds a working Saturday and a day off, and due times follow", async () => {
    const ctx = await contextFor(admin.token);
    const saturday = await saveCalendarDay.run(
      { date: "2026-11-07", kind: "WORKING_DAY", nameRu: "Рабочая суббота", note: "Приказ МТСЗН" },
      ctx,
    );
    expect(saturday.ok).toBe(true);
    const dayOff = await saveCalendarDay.run(
      { date: "2026-11-09", kind: "DAY_OFF", nameRu: "Выходной (перенос с 7 ноября)", nameKk: "", nameEn: "" },
      ctx,
    );
    expect(dayOff.ok).toBe(true);
    const cal = await loadWorkingCalendar(env.prisma, null, ...wide("2026-11-06T00:00:00"));
    expect(isWorkingDay("2026-11-07", cal)).toBe(true);
    expect(isWorkingDay("2026-11-09", cal)).toBe(false);
    // Friday 6 Nov 17:00 + 3 h: 1 h Friday, 2 h on the working Saturday.
    expect(addWorkingHours(almaty("2026-11-06T17:00:00"), 3, cal)).toEqual(almaty("2026-11-07T11:00:00"));
    expect(workingMillisBetween(almaty("2026-11-07T18:00:00"), almaty("2026-11-10T09:00:00"), cal)).toBe(0);
    const row = await lastAudit("calendar.day_saved", admin.personId);
    expect([row?.outcome, (row?.details as { date: string }).date]).toEqual(["SUCCESS", "2026-11-09"]);
  });

  it("changing a day keeps what it was in the audit row", async () => {
    const ctx = await contextFor(admin.token);
    const result = await saveCalendarDay.run(
      { date: "2026-11-09", kind: "HOLIDAY", nameRu: "Особый праздник", nameEn: "Special holiday" },
      ctx,
    );
    expect(result.ok).toBe(true);
    const row = await env.prisma.calendarDay.findUniqueOrThrow({ where: { date: new Date("2026-11-09T00:00:00Z") } });
    expect([row.kind, row.nameRu, row.nameEn, row.note]).toEqual([
      "HOLIDAY",
      "Особый праздник",
      "Special holiday",
      null,
    ]);
    const audit = await lastAudit("calendar.day_saved", admin.personId);
    expect((audit?.details as { before: { kind: string } }).before.kind).toBe("DAY_OFF");
  });

  it("a weekday cannot be made a 'working weekend day'", async () => {
    const result = await saveCalendarDay.run(
      { date: "2026-11-10", kind: "WORKING_DAY", nameRu: "Вторник" },
      await contextFor(admin.token),
    );
    expect(result.ok ? "ok" : result.error.fieldErrors?.kind).toEqual([
      "Рабочим можно сделать только субботу или воскресенье.",
    ]);
  });

  it("an admin removes a day; removing it again is not found", async () => {
    const ctx = await contextFor(admin.token);
    expect((await removeCalendarDay.run({ date: "2026-11-07" }, ctx)).ok).toBe(true);
    expect(await env.prisma.calendarDay.count({ where: { date: new Date("2026-11-07T00:00:00Z") } })).toBe(0);
    const again = await removeCalendarDay.run({ date: "2026-11-07" }, ctx);
    expect(again.ok ? "ok" : again.error.code).toBe("not_found");
  });

  it("support is refused every change, and the refusal is audited", async () => {
    const ctx = await contextFor(support.token);
    const before = await env.prisma.calendarDay.count();
    const saved = await saveCalendarDay.run({ date: "2026-12-19", kind: "WORKING_DAY", nameRu: "Суббота" }, ctx);
    const removed = await removeCalendarDay.run({ date: "2026-03-23" }, ctx);
    const hours = await setWorkingHours.run({ companyId, start: "10:00", end: "19:00" }, ctx);
    expect([saved, removed, hours].map((r) => (r.ok ? "ok" : r.error.code))).toEqual([
      "not_found",
      "not_found",
      "not_found",
    ]);
    expect(await env.prisma.calendarDay.count()).toBe(before);
    for (const action of ["calendar.day_saved", "calendar.day_removed", "company.working_hours_changed"]) {
      expect((await lastAudit(action, support.personId))?.outcome).toBe("DENIED");
    }
  });
});

describe("working hours of a company", () => {
  it("an admin sets them; an end before the start is refused", async () => {
    const ctx = await contextFor(admin.token);
    const wrong = await setWorkingHours.run({ companyId, start: "18:00", end: "09:00" }, ctx);
    expect(wrong.ok ? "ok" : Object.keys(wrong.error.fieldErrors ?? {})).toEqual(["end"]);
    const ok = await setWorkingHours.run({ companyId, start: "10:00", end: "19:00" }, ctx);
    expect(ok.ok).toBe(true);
    const cal = await loadWorkingCalendar(env.prisma, companyId, ...wide("2026-03-20T00:00:00"));
    // Friday 20 March 18:30 is working time now: 30 min that day, then Thursday 26 March from 10:00.
    expect(addWorkingHours(almaty("2026-03-20T18:30:00"), 2, cal)).toEqual(almaty("2026-03-26T11:30:00"));
    const audit = await lastAudit("company.working_hours_changed", admin.personId);
    expect(audit?.details).toEqual({ from: "08:00–17:00", to: "10:00–19:00" });
  });
});
