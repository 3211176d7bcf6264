import { expect, test, type Page } from "@playwright/test";
import { makePdf, makePng } from "../../lib/documents/inspect/samples";
import { loginThroughScreens } from "../fixtures/auth";

/**
 * DOC-1..3 through the screens: the primary user uploads three files at once, previews a PDF,
 * uploads a new version and sends it to the accountant; the accountant sees it as new on the desk
 * and opens it; the Partner sees when it was opened; the accountant sends back a tax report, which
 * the Partner finds in the inbox. Desktop: ТОО «Алатау Трейд» and ГК's assigned accountant; phone:
 * ТОО «Степь Логистик» and ГК's manager (each project its own Partner, so they run side by side).
 */

async function shot(page: Page, project: string, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${project}-documents-${name}.png`, fullPage: true });
}

test("documents go to the outsourcer and a tax report comes back @phone", async ({ page, browser }, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  const onPhone = project === "phone";
  const partner = onPhone
    ? { phone: "+77015550005", name: "ТОО «Степь Логистик»" }
    : { phone: "+77015550001", name: "ТОО «Алатау Трейд»" };
  const staffPhone = onPhone ? "+77015550021" : "+77015550011";
  const tag = `${project} ${Date.now() % 100_000}`;
  const primary = `Первичка за март ${tag}`;

  await loginThroughScreens(page, partner.phone);
  await expect(page).toHaveURL(/\/cabinet$/);
  await page.goto("/cabinet/documents");
  await expect(page.getByRole("heading", { name: "Документы", level: 1 })).toBeVisible();
  await page.getByLabel("Категория", { exact: true }).first().selectOption("acts_invoices");
  await page.locator('input[type="file"]').setInputFiles([
    { name: `${primary}.pdf`, mimeType: "application/pdf", buffer: makePdf([`Primary documents ${tag}`]) },
    { name: `Скан накладной ${tag}.png`, mimeType: "image/png", buffer: makePng() },
    { name: `Реестр ${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from("Номер;Сумма\n1;15000\n", "utf8") },
  ]);
  // One row with a progress bar per file, then the summary.
  await expect(page.getByRole("progressbar", { name: `Загрузка файла ${primary}.pdf` })).toBeVisible();
  await expect(page.getByText("Загружено 3 из 3")).toBeVisible();
  await expect(page.getByRole("link", { name: primary, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: `Реестр ${tag}`, exact: true })).toBeVisible();
  await shot(page, project, "library");

  // The PDF opens in the browser, page by page.
  await page.getByRole("link", { name: primary, exact: true }).click();
  const preview = page.getByRole("figure", { name: primary });
  // pdf.js and its worker load on demand: allow a slow phone (and a busy test machine) their time.
  await expect(preview.getByText(`Primary documents ${tag}`)).toBeVisible({ timeout: 30_000 });
  await expect(preview.locator("canvas")).toBeVisible();
  await shot(page, project, "preview");

  // A new version is an upload onto the document.
  await page.locator('input[type="file"]').setInputFiles({
    name: `${primary} исправленная.pdf`,
    mimeType: "application/pdf",
    buffer: makePdf([`Primary documents ${tag}, corrected`]),
  });
  await expect(page.getByText("Загружено 1 из 1")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Версия 2" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Скачать версию 1" })).toBeVisible();

  // Sent to the outsourcing company.
  await page.getByRole("button", { name: "Отправить в аутсорсинговую компанию" }).click();
  // The page shows where it went: to the serving company, not opened yet, and no more send button.
  await expect(page.getByText("Получатели ещё не открывали документ.")).toBeVisible();
  await expect(page.getByText(/Отправлен аутсорсеру · отправлен/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Отправить в аутсорсинговую компанию" })).toHaveCount(0);
  const documentUrl = page.url();

  // The accountant sees it as new at the desk and opens it.
  const desk = await browser.newPage();
  await loginThroughScreens(desk, staffPhone);
  await expect(desk).toHaveURL(/\/desk$/);
  await desk.goto("/desk/documents?unread=1");
  const item = desk.getByRole("listitem").filter({ hasText: primary });
  await expect(item.getByText("Новый")).toBeVisible();
  await shot(desk, project, "desk-inbox");
  await item.getByRole("link", { name: primary, exact: true }).click();
  await expect(desk.getByRole("figure", { name: primary }).getByText(`corrected`)).toBeVisible({
    timeout: 30_000,
  });
  await shot(desk, project, "desk-document");

  // The Partner sees who opened it and when.
  await page.goto(documentUrl);
  await expect(page.getByText("Получатели ещё не открывали документ.")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Движение документа" }).getByText(/ — \d/)).toBeVisible();
  await shot(page, project, "opened");

  // The accountant sends back a tax report from the client's page.
  await desk.goto("/desk");
  await desk.getByRole("link", { name: partner.name }).click();
  const report = `Форма 910 за 1 полугодие ${tag}`;
  await desk.getByRole("region", { name: "Документы клиенту" }).getByLabel("Категория").selectOption("tax_reports");
  await desk.locator('input[type="file"]').setInputFiles({
    name: `${report}.pdf`,
    mimeType: "application/pdf",
    buffer: makePdf([`Form 910 ${tag}`]),
  });
  await expect(desk.getByText("Загружено 1 из 1")).toBeVisible();
  await shot(desk, project, "desk-sent");
  await desk.close();

  // The Partner finds it in the inbox.
  await page.goto("/cabinet/documents");
  await page.getByRole("link", { name: /^Входящие/ }).click();
  await expect(page).toHaveURL(/unread=1/);
  const incoming = page.getByRole("listitem").filter({ hasText: report });
  await expect(incoming.getByText("Новый")).toBeVisible();
  await expect(incoming.getByText("От аутсорсера", { exact: false })).toBeVisible();
  await shot(page, project, "inbox");
});
