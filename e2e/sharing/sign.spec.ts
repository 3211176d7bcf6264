import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { extractText } from "../../lib/documents/extract-text";
import { makePdf } from "../../lib/documents/inspect/samples";
import { randomKzTaxId } from "../../lib/validation/kz-tax-id";
import { advanceServerClock, codeSentBy, loginThroughScreens, newPhone } from "../fixtures/auth";

/**
 * DOC-5 through the screens: the primary user sends a contract for signature to itself and a new
 * counterparty, in turn; both sign by a code from SMS (each in their own place); the signature sheet
 * lists both; the public verification page (no login) confirms the file and rejects a changed copy.
 * Desktop: ТОО «Алатау Трейд»; phone: ТОО «Степь Логистик».
 */

async function shot(page: Page, project: string, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${project}-signatures-${name}.png`, fullPage: true });
}

/** Signs the reader's own step on the open document page with the code sent to `phone`. */
async function signHere(page: Page, phone: string, project: string, who: string) {
  const panel = page.getByRole("region", { name: "Подписание" });
  const code = await codeSentBy(page.request, phone, () =>
    panel.getByRole("button", { name: "Подписать", exact: true }).click(),
  );
  await expect(panel.getByText("Код отправлен на ваш телефон. Введите его, чтобы подписать.")).toBeVisible();
  await panel.getByLabel("Код из SMS").fill(code);
  await shot(page, project, `${who}-code`);
  await panel.getByRole("button", { name: "Подтвердить подпись" }).click();
  await expect(panel.getByRole("button", { name: "Подписать", exact: true })).toHaveCount(0);
}

test("a contract is signed by the Partner and its counterparty by SMS codes, and checked publicly @phone", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(240_000);
  const project = info.project.name;
  const partnerPhone = project === "phone" ? "+77015550005" : "+77015550001";
  const tag = `${project} ${Date.now() % 100_000}`;
  const title = `Договор подряда ${tag}`;
  const bytes = makePdf([`Contract for works ${tag}`]);
  const counterpartyPhone = newPhone();
  const counterpartyName = `Нұрлан Қосшыбаев ${tag}`;

  await advanceServerClock(page.request, 61_000);
  await loginThroughScreens(page, partnerPhone);
  await expect(page).toHaveURL(/\/cabinet$/);
  await page.goto("/cabinet/documents");
  await page.getByLabel("Категория", { exact: true }).first().selectOption("contracts");
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: `${title}.pdf`, mimeType: "application/pdf", buffer: bytes });
  await expect(page.getByText("Загружено 1 из 1")).toBeVisible();
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page).toHaveURL(/\/cabinet\/documents\/[0-9a-f-]{36}$/);
  const documentUrl = page.url();

  // Send it for signature, in turn: the primary user first, then the counterparty.
  await page.getByText("Отправить на подпись").click();
  const form = page.getByRole("form", { name: "Отправить на подпись" });
  await form.getByLabel(/основной пользователь/).check();
  await form.getByLabel("Телефон контрагента").fill(counterpartyPhone);
  await form.getByLabel("Имя и фамилия").fill(counterpartyName);
  await form.getByLabel("Организация").fill("ТОО «Контрагент Подряд»");
  await form.getByLabel("БИН организации").fill(randomKzTaxId());
  await shot(page, project, "form");
  await form.getByRole("button", { name: "Отправить" }).click();
  await expect(page.getByRole("region", { name: "Подписание" })).toBeVisible();
  const panel = page.getByRole("region", { name: "Подписание" });
  await expect(panel.getByText(counterpartyName)).toBeVisible();
  await expect(panel.getByText("Ждёт очереди")).toBeVisible();

  // The Partner signs first.
  await signHere(page, partnerPhone, project, "partner");
  await expect(panel.getByText(/Подписал/).first()).toBeVisible();
  await shot(page, project, "partner-signed");

  // The counterparty logs in by code and signs in its shared documents.
  const other = await browser.newPage();
  await loginThroughScreens(other, counterpartyPhone);
  await expect(other).toHaveURL(/\/shared$/);
  await other.getByRole("link", { name: title, exact: true }).click();
  await expect(other.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await signHere(other, counterpartyPhone, project, "counterparty");
  const otherPanel = other.getByRole("region", { name: "Подписание" });
  await expect(otherPanel.getByText("Завершено")).toBeVisible();
  await shot(other, project, "counterparty-signed");

  // The signature sheet lists both signers.
  await page.goto(documentUrl);
  await expect(panel.getByText("Завершено")).toBeVisible();
  const sheetLink = page.getByRole("link", { name: "Скачать лист подписей (версия 1)" });
  const sheet = await page.request.get((await sheetLink.getAttribute("href"))!);
  expect(sheet.status()).toBe(200);
  expect(sheet.headers()["content-type"]).toBe("application/pdf");
  const dir = await mkdtemp(path.join(tmpdir(), "sheet-e2e-"));
  let text = "";
  try {
    const file = path.join(dir, "sheet.pdf");
    const { writeFile } = await import("node:fs/promises");
    await writeFile(file, await sheet.body());
    text = (await extractText(file, "application/pdf")) ?? "";
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  expect(text).toContain("Лист подписей");
  expect(text).toContain(counterpartyName);
  expect(text.match(/Код по SMS/g)?.length).toBe(2);
  const shortId = /\/verify\/([0-9a-z]+)/.exec(text)?.[1];
  expect(shortId).toBeTruthy();
  await shot(page, project, "partner-completed");

  // Anyone holding the file checks it on the public page from the sheet's link, without logging in.
  const visitor = await browser.newContext({ viewport: page.viewportSize() ?? undefined, locale: "ru-RU" });
  const pub = await visitor.newPage();
  await pub.goto(`/verify/${shortId}`);
  await expect(pub.getByRole("heading", { name: "Проверка подписанного документа" })).toBeVisible();
  await expect(pub.getByText(title)).toBeVisible();
  await pub.getByLabel("Выбрать файл для проверки").setInputFiles({
    name: `${title}.pdf`,
    mimeType: "application/pdf",
    buffer: bytes,
  });
  await expect(pub.getByText("Файл совпадает с подписанной версией.")).toBeVisible();
  const signers = pub.getByRole("list", { name: "Подписанты" });
  await expect(signers.getByText(counterpartyName)).toBeVisible();
  await expect(signers.getByRole("listitem")).toHaveCount(2);
  await shot(pub, project, "verify-match");
  await pub.getByLabel("Выбрать файл для проверки").setInputFiles({
    name: `${title} (изменённый).pdf`,
    mimeType: "application/pdf",
    buffer: Buffer.concat([bytes, Buffer.from("\n% changed\n")]),
  });
  await expect(
    pub.getByText("Файл не совпадает с подписанной версией из листа подписей. Он мог быть изменён."),
  ).toBeVisible();
  await shot(pub, project, "verify-changed");
  // The general page knows the file too.
  await pub.goto("/verify");
  await pub
    .getByLabel("Выбрать файл для проверки")
    .setInputFiles({ name: "x.pdf", mimeType: "application/pdf", buffer: bytes });
  await expect(pub.getByText("Файл совпадает с подписанной версией.")).toBeVisible();
  await visitor.close();
  await other.close();
});
