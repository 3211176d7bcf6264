import { expect, test, type Page } from "@playwright/test";

const shot = (name: string, project: string) => ({ path: `e2e/screenshots/${project}-${name}.png`, fullPage: true });

/** The ✓/— marks of one comparison row, tariff by tariff. */
async function marks(page: Page, rowName: string) {
  const row = page.getByRole("row", { name: new RegExp(`^${rowName}`) });
  return (await row.getByRole("cell").allInnerTexts()).map((text) => text.trim().slice(0, 1));
}

test("a visitor goes from the landing to the tariffs, compares them, opens one, then the services @phone", async ({
  page,
}, info) => {
  await page.goto("/");
  await page.getByRole("main").getByRole("link", { name: "Тарифы", exact: true }).click();
  await expect(page).toHaveURL(/\/tariffs$/);
  await expect(page.getByRole("heading", { level: 1, name: "Тарифы" })).toBeVisible();
  await expect(page.getByText(/Показаны примерные тарифы и цены/)).toBeVisible();

  const table = page.getByRole("region", { name: "Сравнение тарифов" });
  for (const name of ["Старт", "Бизнес", "Премиум"]) {
    await expect(table.getByRole("columnheader", { name })).toBeAttached();
  }
  await expect(table.getByRole("row", { name: /^Цена в месяц/ })).toContainText(/25\s000\s₸.*65\s000\s₸.*150\s000\s₸/);
  await expect(table.getByRole("row", { name: /^Хранилище/ })).toContainText(/1 ГБ.*5 ГБ.*20 ГБ/);
  expect(await marks(page, "Бухгалтерский учёт")).toEqual(["✓", "✓", "✓"]);
  expect(await marks(page, "Юридическая помощь")).toEqual(["—", "—", "✓"]);
  await page.screenshot(shot("tariffs", info.project.name));

  // On a phone the table scrolls sideways and what is compared stays in view; a desktop shows it whole.
  const region = await table.evaluate((el) => ({ scroll: el.scrollWidth, width: el.clientWidth }));
  if (info.project.name === "phone") {
    expect(region.scroll).toBeGreaterThan(region.width);
    // Only the table scrolls: the page itself never gets wider than the phone.
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(page.viewportSize()!.width);
    await table.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    const label = await table.getByRole("rowheader", { name: "Пользователи" }).boundingBox();
    const box = await table.boundingBox();
    expect(Math.abs(label!.x - box!.x)).toBeLessThan(4);
    await expect(table.getByRole("columnheader", { name: "Премиум" })).toBeInViewport();
    await page.screenshot(shot("tariffs-scrolled", info.project.name));
  } else {
    expect(region.scroll).toBeLessThanOrEqual(region.width);
  }

  await table.getByRole("link", { name: "Подробнее о тарифе «Бизнес»" }).click();
  await expect(page).toHaveURL(/\/tariffs\/business$/);
  await expect(page.getByRole("heading", { level: 1, name: "Бизнес" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(/65\s000\s₸/);
  await expect(page.getByText("Цена действует с 1 января 2026 г.")).toBeVisible();
  await page.screenshot(shot("tariff-business", info.project.name));

  await page.getByRole("banner").getByRole("link", { name: "Услуги" }).click();
  await expect(page).toHaveURL(/\/services$/);
  await expect(page.getByRole("heading", { level: 1, name: "Дополнительные услуги" })).toBeVisible();
  const payroll = page.getByRole("listitem").filter({ hasText: "Расчёт зарплаты за месяц" });
  await expect(payroll).toContainText("Ежемесячная");
  await expect(payroll).toContainText(/20\s000\s₸ в месяц/);
  await expect(payroll).toContainText("Только по договору");
  const registration = page.getByRole("listitem").filter({ hasText: "Регистрация ТОО" });
  await expect(registration).toContainText("Разовая");
  await expect(registration).toContainText("Доступна в демо");
  await page.screenshot(shot("services", info.project.name));
});

test("an unknown tariff is the translated not-found page; the pages follow the visitor's language @phone", async ({
  page,
  baseURL,
}, info) => {
  const missing = await page.goto("/tariffs/no-such-tariff");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Страница не найдена" })).toBeVisible();

  await page.context().addCookies([{ name: "locale", value: "kk", url: baseURL! }]);
  await page.goto("/tariffs/premium");
  await expect(page.getByRole("heading", { level: 1, name: "Премиум" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Барлық тарифтер" })).toBeVisible();
  await page.screenshot(shot("tariff-premium-kk", info.project.name));
  await page.goto("/services");
  await expect(page.getByRole("heading", { level: 1, name: "Қосымша қызметтер" })).toBeVisible();
  await expect(page.getByText("ЖШС тіркеу")).toBeVisible();

  const api = await page.request.get("/api/v1/tariffs", { headers: { "accept-language": "en" } });
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { tariffs: { name: string }[] }).tariffs.map((t) => t.name)).toEqual([
    "Start",
    "Business",
    "Premium",
  ]);
});
