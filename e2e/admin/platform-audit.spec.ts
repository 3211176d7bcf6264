import { expect, test } from "@playwright/test";
import { advanceServerClock, loginThroughScreens, registerThroughScreens } from "../fixtures/auth";

/** A support operator searches every chain of the audit log and downloads the rows as CSV. */

// Support reads the platform log too; the admin's number is left to the specs that change things
// (each number gets five codes an hour).
const OPERATOR = "+77015550098";

test("the operator searches the platform's audit log by Partner and outcome and exports it @phone", async ({
  page,
  browser,
}, info) => {
  // A new Partner registers: its chain gets its first rows.
  const partner = `ТОО «Поиск ${Date.now() % 100_000}»`;
  const visitor = await browser.newPage();
  await registerThroughScreens(visitor, { name: "Дана Поисковая", email: "dana@example.kz", partnerName: partner });
  await visitor.close();

  await advanceServerClock(page.request, 61_000);
  await loginThroughScreens(page, OPERATOR);
  await expect(page).toHaveURL(/\/admin$/);
  // Past the number's resend pause again, for the specs that log the operator in after this one.
  await advanceServerClock(page.request, 61_000);
  await page.getByRole("link", { name: "Журнал аудита", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Журнал аудита платформы", level: 1 })).toBeVisible();
  // Unfiltered: every chain, the operator's own login among them.
  await expect(page.getByRole("cell", { name: "Платформа" }).or(page.getByText("Платформа")).first()).toBeVisible();

  await page.getByLabel("Партнёр (название или БИН/ИИН)").fill(partner);
  await page.getByLabel("Результат").selectOption("SUCCESS");
  await page.getByRole("button", { name: "Найти" }).click();
  await expect(page).toHaveURL(/partner=.*outcome=SUCCESS/);
  const list = page.getByRole("region", { name: "Журнал аудита платформы" });
  await expect(list.getByText(new RegExp(`${partner} · \\d{12}`)).first()).toBeVisible();
  await expect(list.getByText("Регистрация").first()).toBeVisible();
  await expect(list.getByText("Платформа", { exact: true })).toHaveCount(0);
  await page.screenshot({ path: `e2e/screenshots/${info.project.name}-admin-platform-audit.png`, fullPage: true });

  await page.getByLabel("Партнёр (название или БИН/ИИН)").fill("Такого партнёра нет");
  await page.getByRole("button", { name: "Найти" }).click();
  await expect(page.getByText("Партнёр по запросу не найден.")).toBeVisible();

  await page.getByLabel("Партнёр (название или БИН/ИИН)").fill(partner);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Найти" }).click();
  await page.getByRole("link", { name: "Скачать CSV" }).click();
  const file = await (await download).createReadStream();
  let csv = "";
  for await (const chunk of file) csv += chunk.toString();
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toContain("Партнёр");
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((l) => l.includes(partner))).toBe(true);
});
