import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { extractText } from "@/lib/documents/extract-text";
import { advanceServerClock, loginThroughScreens, openHeaderMenu } from "../fixtures/auth";

/**
 * The plan of a real Partner: the operator puts «ИП Жумабаев Е.» under contract; its primary user
 * changes the tariff, orders a service and downloads the invoice (a PDF in the Kazakh form, its text
 * read back); the admin operator marks the invoice paid.
 */

const OPERATOR = "+77015550099";
const PRIMARY = "+77015550002"; // Ерлан Жумабаев: FULL at ТОО «Алатау Трейд», PRIMARY of his own ИП
const PARTNER = "ИП Жумабаев Е.";
const BIN = "850315300455";

async function shot(page: Page, project: string, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${project}-${name}.png`, fullPage: true });
}

test("the primary user changes the tariff, orders a service, downloads the invoice; the admin marks it paid @phone", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(240_000);
  const project = info.project.name;

  const operator = await browser.newPage({ viewport: page.viewportSize() ?? undefined, locale: "ru-RU" });
  await loginThroughScreens(operator, OPERATOR);
  await expect(operator).toHaveURL(/\/admin$/);
  await operator.goto(`/admin/partners?q=${BIN}`);
  await operator.getByRole("link", { name: PARTNER }).click();
  const status = operator.getByTestId("partner-status");
  if ((await status.textContent()) === "Демо") {
    const activate = operator.getByRole("form", { name: "Перевести на договор" });
    await activate.getByLabel("Номер договора").fill("ДУ-2026/51");
    await activate.getByLabel("Дата договора").fill("2026-11-30");
    await activate.getByRole("button", { name: "Активировать" }).click();
  }
  await expect(status).toHaveText("Активен");

  await advanceServerClock(page.request, 61_000);
  await loginThroughScreens(page, PRIMARY);
  await expect(page).toHaveURL(/\/cabinet$/);
  await openHeaderMenu(page);
  await page.getByLabel("Выбрать рабочее место").selectOption({ label: `${PARTNER} — Основной пользователь` });
  await expect(
    page
      .getByRole("main")
      .getByText(/ИП Жумабаев Е\./)
      .first(),
  ).toBeVisible();
  await page.goto("/cabinet/tariff");
  await expect(page.getByRole("heading", { name: "Тариф", level: 1 })).toBeVisible();
  await expect(page.getByText("Переход на более дорогой тариф действует сразу")).toBeVisible();

  // Whichever tariff is not in force yet (a second project's run finds the first change made): a
  // dearer one is in force at once, a cheaper one is shown as coming on the 1st of next month.
  const choose = page.getByRole("button", { name: /^Перейти на «/ }).first();
  const target = (await choose.textContent())!.match(/«(.+)»/)![1]!;
  await choose.click();
  await expect(
    page
      .getByRole("heading", { name: `Текущий тариф: «${target}»` })
      .or(page.getByText(`будет действовать тариф «${target}»`)),
  ).toBeVisible();

  await page.getByRole("button", { name: "Заказать «Регистрация ТОО»" }).click();
  await expect(page.getByText("Услуга заказана, счёт выставлен.")).toBeVisible();
  await page.reload();
  await shot(page, project, "cabinet-tariff");

  const invoices = page.getByRole("region", { name: "Счета" });
  const link = invoices.getByRole("link", { name: /^Скачать счёт № \d+ в PDF$/ }).first();
  const label = (await link.getAttribute("aria-label")) ?? "";
  const number = label.match(/№ (\d+)/)?.[1];
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const dir = await mkdtemp(path.join(tmpdir(), "invoice-e2e-"));
  try {
    await writeFile(path.join(dir, "invoice.pdf"), await response.body());
    const text = (await extractText(path.join(dir, "invoice.pdf"), "application/pdf")) ?? "";
    expect(text).toContain(`Счёт на оплату № ${number}`);
    expect(text).toContain("Төлем шоты");
    expect(text).toContain(PARTNER);
    expect(text).toContain("Тридцать тысяч тенге 00 тиын");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  await operator.goto("/admin/invoices?status=ISSUED");
  const row = operator
    .getByTestId("invoice")
    .filter({ hasText: PARTNER })
    .filter({ hasText: `№ ${number}/` });
  await row.getByRole("button", { name: "Отметить оплаченным" }).click();
  // Paid, it leaves the list of issued invoices.
  await expect(row).toHaveCount(0);
  await operator.goto("/admin/invoices?status=PAID");
  await expect(
    operator
      .getByTestId("invoice")
      .filter({ hasText: PARTNER })
      .filter({ hasText: `№ ${number}/` }),
  ).toContainText("оплачен");
  await shot(operator, project, "admin-invoices");
  await operator.close();

  await page.reload();
  await expect(invoices.getByText(/оплачен/).first()).toBeVisible();
});
