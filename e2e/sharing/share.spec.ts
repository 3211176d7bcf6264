import { expect, test, type Page } from "@playwright/test";
import { makePdf } from "../../lib/documents/inspect/samples";
import { randomKzTaxId } from "../../lib/validation/kz-tax-id";
import { advanceServerClock, loginThroughScreens, newPhone } from "../fixtures/auth";

/**
 * DOC-4 through the screens: the primary user uploads a contract and shares it with a new
 * counterparty (view, comment, approve); the counterparty logs in by code, sees only that document,
 * comments and approves; the Partner sees the view log, the comment and the decision, and the share
 * on the counterparties page. Desktop: ТОО «Алатау Трейд»; phone: ТОО «Степь Логистик».
 */

async function shot(page: Page, project: string, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${project}-sharing-${name}.png`, fullPage: true });
}

test("a contract is shared with a counterparty, who comments and approves it @phone", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  const partnerPhone = project === "phone" ? "+77015550005" : "+77015550001";
  const tag = `${project} ${Date.now() % 100_000}`;
  const title = `Договор поставки ${tag}`;
  const counterpartyPhone = newPhone();
  const counterpartyName = `Асқар Контрагентов ${tag}`;

  // Another spec may have logged the same demo number in moments ago: step over the resend pause.
  await advanceServerClock(page.request, 61_000);
  await loginThroughScreens(page, partnerPhone);
  await expect(page).toHaveURL(/\/cabinet$/);
  await page.goto("/cabinet/documents");
  await page.getByLabel("Категория", { exact: true }).first().selectOption("contracts");
  await page.locator('input[type="file"]').setInputFiles({
    name: `${title}.pdf`,
    mimeType: "application/pdf",
    buffer: makePdf([`Supply contract ${tag}`]),
  });
  await expect(page.getByText("Загружено 1 из 1")).toBeVisible();
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page).toHaveURL(/\/cabinet\/documents\/[0-9a-f-]{36}$/);
  const documentUrl = page.url();

  // Share it: view, comment, approve; download allowed.
  await page.getByText("Открыть доступ контрагенту").click();
  const form = page.getByRole("form", { name: "Открыть доступ контрагенту" });
  await form.getByLabel("Телефон", { exact: true }).fill(counterpartyPhone);
  await form.getByLabel("Имя и фамилия", { exact: true }).fill(counterpartyName);
  await form.getByLabel("Организация", { exact: true }).fill("ТОО «Контрагент»");
  await form.getByLabel("БИН организации", { exact: true }).fill(randomKzTaxId());
  await form.getByLabel("комментарии", { exact: true }).check();
  await form.getByLabel("согласование", { exact: true }).check();
  await form.getByLabel("Разрешить скачивание", { exact: true }).check();
  await shot(page, project, "form");
  await form.getByRole("button", { name: "Открыть доступ" }).click();
  await expect(page.getByText("Доступ открыт, контрагенту отправлено SMS.")).toBeVisible();
  await expect(page.getByText(counterpartyPhone).first()).toBeVisible();

  // The counterparty logs in by code and lands on what was shared with them.
  const other = await browser.newPage();
  await loginThroughScreens(other, counterpartyPhone);
  await expect(other).toHaveURL(/\/shared$/);
  await expect(other.getByRole("heading", { name: "Документы, открытые вам" })).toBeVisible();
  await expect(other.getByRole("link")).toContainText([title]);
  await shot(other, project, "counterparty-home");
  await other.getByRole("link", { name: title, exact: true }).click();
  await expect(other.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(other.getByRole("figure", { name: title }).getByText(`Supply contract ${tag}`)).toBeVisible({
    timeout: 30_000,
  });
  await other.getByLabel("Комментарий").fill("Просим поправить срок поставки в п. 3.2");
  await other.getByRole("button", { name: "Отправить" }).click();
  await expect(other.getByText("Просим поправить срок поставки в п. 3.2")).toBeVisible();
  await other.getByRole("button", { name: "Согласовать" }).click();
  await expect(other.getByText("Решение записано.")).toBeVisible();
  await expect(other.getByText("Согласовано")).toBeVisible();
  await shot(other, project, "counterparty-document");
  await other.close();

  // The Partner sees the view, the comment and the decision on the document.
  await page.goto(documentUrl);
  const log = page.getByRole("list", { name: "Журнал просмотров" });
  await expect(log.getByText(counterpartyName).first()).toBeVisible();
  await expect(log.getByText(/просмотр · версия 1/).first()).toBeVisible();
  await expect(page.getByText("Просим поправить срок поставки в п. 3.2")).toBeVisible();
  await expect(page.getByText("Согласовано")).toBeVisible();
  await shot(page, project, "partner-document");

  // And the share on the counterparties page.
  await page.goto("/cabinet/counterparties");
  await expect(page.getByRole("heading", { name: "Контрагенты", level: 1 })).toBeVisible();
  await expect(page.getByText(counterpartyName).first()).toBeVisible();
  await shot(page, project, "counterparties");
});
