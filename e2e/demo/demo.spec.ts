import { expect, test, type Page } from "@playwright/test";
import { makePdf } from "../../lib/documents/inspect/samples";
import { randomKzTaxId } from "../../lib/validation/kz-tax-id";
import { clientIp, codeSentBy, newPhone } from "../fixtures/auth";

/**
 * BIZ-3 for a visitor: compare the tariffs, start a demo cabinet in one click (no phone number),
 * find the banner with its deletion date, the sample documents (the outsourcer's fresh report among
 * them) and requests answered by the accountant.
 */

async function shot(page: Page, project: string, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${project}-demo-${name}.png`, fullPage: true });
}

test("a visitor compares tariffs and starts a demo cabinet in one click @phone", async ({ page }, info) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIp() });
  await page.goto("/tariffs");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.goto("/");
  await page.getByRole("button", { name: "Попробовать демо" }).click();
  await expect(page).toHaveURL(/\/cabinet$/);
  // The banner says when the cabinet goes (its long form on a desktop, a short one on a phone).
  await expect(page.getByRole("status").filter({ hasText: /Демо/ })).toContainText(/будет удал[её]н|Демо до/);
  await shot(page, info.project.name, "home");

  await page.goto("/cabinet/documents");
  await expect(page.getByRole("link", { name: "Договор на бухгалтерское обслуживание № 15/2026" })).toBeVisible();
  const report = page.getByRole("listitem").filter({ hasText: "Форма 910.00 за 1 полугодие 2026 года" });
  await expect(report.getByText("Новый")).toBeVisible();
  await shot(page, info.project.name, "documents");

  await page.goto("/cabinet/requests?status=all");
  await expect(page.getByText("Расчёт зарплаты за ноябрь").first()).toBeVisible();
  await expect(page.getByText("Срок сдачи формы 910").first()).toBeVisible();
  await shot(page, info.project.name, "requests");
});

test("the visitor makes the demo cabinet real: their document stays, the sample data and the banner go @phone", async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  const project = info.project.name;
  const tag = `${project} ${Date.now() % 100_000}`;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIp() });
  await page.goto("/");
  await page.getByRole("button", { name: "Попробовать демо" }).click();
  await expect(page).toHaveURL(/\/cabinet$/);

  // A document of the visitor's own.
  const own = `Мой договор аренды ${tag}`;
  await page.goto("/cabinet/documents");
  await page.getByLabel("Категория", { exact: true }).first().selectOption("contracts");
  await page.locator('input[type="file"]').setInputFiles({
    name: `${own}.pdf`,
    mimeType: "application/pdf",
    buffer: makePdf([`Own document ${tag}`]),
  });
  await expect(page.getByText("Загружено 1 из 1")).toBeVisible();
  await expect(page.getByRole("link", { name: own, exact: true })).toBeVisible();

  // From the banner to the form: a real number, its code, the registration's fields.
  await page.goto("/cabinet");
  await page.getByRole("status").getByRole("link", { name: "Сделать кабинет настоящим" }).click();
  await expect(page).toHaveURL(/\/cabinet\/convert$/);
  await expect(page.getByRole("heading", { level: 1, name: "Сделать кабинет настоящим" })).toBeVisible();
  const phone = newPhone();
  await page.getByLabel("Мобильный номер").fill(phone);
  const code = await codeSentBy(page.request, phone, async () => {
    await page.getByRole("button", { name: "Получить код" }).click();
    await expect(page.getByText(/Код отправлен на/)).toBeVisible();
  });
  await page.getByLabel("Код из SMS").fill(code);
  await page.getByLabel("Фамилия и имя").fill("Айгерим Сапарова");
  await page.getByLabel("Электронная почта").fill("aigerim@example.kz");
  await page.getByLabel("Наименование").fill(`ТОО «Настоящая» ${tag}`);
  await page.getByLabel("БИН", { exact: true }).fill(randomKzTaxId());
  await page.getByLabel("Я принимаю эти документы").check();
  await page.getByLabel("Мне исполнилось 18 лет").check();
  await shot(page, project, "convert");
  await page.getByRole("button", { name: "Сделать кабинет настоящим" }).click();

  // Still logged in, as the real Partner: no deletion date any more.
  await expect(page).toHaveURL(/\/cabinet\?converted=1$/);
  await expect(page.getByText(/Кабинет стал настоящим/)).toBeVisible();
  await expect(page.getByText(/будет удал[её]н|Демо до/)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Сделать кабинет настоящим" })).toHaveCount(0);
  await shot(page, project, "converted");

  await page.goto("/cabinet/documents");
  await expect(page.getByRole("link", { name: own, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Договор на бухгалтерское обслуживание № 15/2026" })).toHaveCount(0);
  await shot(page, project, "converted-documents");
  await page.goto("/cabinet/requests?status=all");
  await expect(page.getByText("Расчёт зарплаты за ноябрь")).toHaveCount(0);
});
