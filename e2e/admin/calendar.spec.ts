import { expect, test, type Page } from "@playwright/test";
import { advanceServerClock, loginThroughScreens } from "../fixtures/auth";

/**
 * The working calendar in the back office (issue 9 §3, issue 11 §4): the admin sees the seeded
 * Nauryz days, adds a day off and finds it in the year's list; support reads the calendar without
 * the forms.
 */

const OPERATOR = "+77015550099";
const SUPPORT = "+77015550098";

async function shot(page: Page, project: string, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${project}-${name}.png`, fullPage: true });
}

test("the admin adds a day off to the working calendar and sees it; support only reads @phone", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  // Each project its own date, so both runs on one server add a day of their own.
  const date = project === "phone" ? "2026-12-31" : "2026-12-30";
  const name = `Выходной по приказу МТСЗН (${project})`;

  // Past the 60-second resend pause of the other project's logins of the same numbers.
  await advanceServerClock(page.request, 61_000);
  await loginThroughScreens(page, OPERATOR);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/calendar?year=2026");
  await expect(page.getByRole("heading", { name: "Производственный календарь", level: 1 })).toBeVisible();
  const list = page.getByRole("region", { name: "Особые дни 2026 года" });
  await expect(list.locator('[data-date="2026-03-23"]').getByText("Наурыз мейрамы")).toBeVisible();
  await expect(list.locator('[data-date="2026-03-25"]').getByTestId("calendar-kind")).toHaveText(
    "Перенесённый выходной",
  );
  await expect(
    list.locator('[data-date="2026-03-25"]').getByText("Выходной день (перенос: Наурыз мейрамы)"),
  ).toBeVisible();

  const add = page.getByRole("region", { name: "Добавить или изменить день" });
  await add.getByLabel("Дата").fill(date);
  await add.getByLabel("Вид дня").selectOption("DAY_OFF");
  await add.getByLabel("Название (русский)").fill(name);
  await add.getByLabel("Основание или примечание").fill("Приказ № 1 от 01.12.2026");
  await add.getByRole("button", { name: "Сохранить день" }).click();
  await expect(add.getByText("День сохранён.")).toBeVisible();

  const day = list.locator(`[data-date="${date}"]`);
  await expect(day.getByText(name)).toBeVisible();
  await expect(day.getByTestId("calendar-kind")).toHaveText("Перенесённый выходной");
  await expect(day.getByText("Приказ № 1 от 01.12.2026")).toBeVisible();
  await day.scrollIntoViewIfNeeded();
  await shot(page, project, "admin-calendar");

  await page.goto("/admin/companies");
  await expect(page.getByTestId("working-hours").first()).toHaveText("Рабочий день: 09:00–18:00 (Asia/Almaty)");
  await shot(page, project, "admin-companies-hours");

  const support = await browser.newPage({ viewport: page.viewportSize() ?? undefined, locale: "ru-RU" });
  await loginThroughScreens(support, SUPPORT);
  await expect(support).toHaveURL(/\/admin$/);
  await support.goto("/admin/calendar?year=2026");
  await expect(support.locator(`[data-date="${date}"]`).getByText(name)).toBeVisible();
  await expect(support.getByText("Изменять календарь могут только администраторы.")).toBeVisible();
  await expect(support.getByRole("button", { name: "Сохранить день" })).toHaveCount(0);
  await support.close();
});
