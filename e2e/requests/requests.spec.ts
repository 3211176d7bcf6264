import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { verifyTranscript } from "@/lib/requests/transcript";
import { DEMO, loginThroughScreens, smsTexts } from "../fixtures/auth";

/**
 * The flow: the RESTRICTED demo user (requests: edit) writes a request with an attachment;
 * the serving company's accountant finds it on the desk with its due time, answers and waits for the
 * Partner; the Partner answers; the accountant resolves it; the Partner downloads the transcript,
 * whose hashes verify.
 */

const ACCOUNTANT = "+77015550011"; // ТОО «Просто Аутсорсинг ГК», assigned to the demo Partner for accounting

async function shot(page: Page, project: string, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${project}-${name}.png`, fullPage: true });
}

test("a request from the Partner to the accountant and back, with the transcript @phone", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(150_000);
  const project = info.project.name;
  const subject = `Акт сверки за март ${Date.now().toString().slice(-5)}`;

  // The Partner's RESTRICTED user writes the request and attaches a file uploaded into the library.
  await loginThroughScreens(page, DEMO.restricted);
  await expect(page).toHaveURL(/\/cabinet$/);
  await page.goto("/cabinet/requests");
  await page.getByRole("link", { name: "Новое обращение" }).click();
  await page.getByLabel("Категория").selectOption("accounting");
  await page.getByLabel("Тема").fill(subject);
  await page.getByLabel("Сообщение").fill("Подготовьте, пожалуйста, акт сверки за март. Выписка во вложении.");
  await page.locator('input[type="file"]').setInputFiles({
    name: "vypiska-mart.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Банковская выписка за март\n"),
  });
  await expect(page.getByTestId("attached")).toContainText("vypiska-mart", { timeout: 30_000 });
  await shot(page, project, "request-new");
  await page.getByRole("button", { name: "Отправить обращение" }).click();
  await expect(page).toHaveURL(/\/cabinet\/requests\/[0-9a-f-]{36}$/);
  const requestUrl = page.url();
  await expect(page.getByRole("heading", { name: subject })).toBeVisible();
  await expect(page.getByRole("link", { name: /vypiska-mart/ })).toBeVisible();
  await expect(page.getByTestId("due")).toContainText("до ");

  // The accountant sees it on the desk with its due time, answers and waits for the Partner.
  const desk = await browser.newPage({ viewport: page.viewportSize() ?? undefined, locale: "ru-RU" });
  await loginThroughScreens(desk, ACCOUNTANT);
  await expect(desk).toHaveURL(/\/desk$/);
  await desk.goto("/desk/requests");
  const row = desk.getByTestId("request-row").filter({ hasText: subject });
  await expect(row).toBeVisible();
  await expect(row.getByTestId("due")).toContainText("до ");
  await shot(desk, project, "desk-queue");
  await row.getByRole("link", { name: subject }).click();
  await desk.getByLabel("Ответить").fill("Получили выписку. Уточните, пожалуйста, платёж от 12 марта.");
  await desk.locator('input[type="file"]').setInputFiles({
    name: "akt-sverki-mart.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Акт сверки взаиморасчётов за март\n"),
  });
  await expect(desk.getByTestId("attached")).toContainText("akt-sverki-mart", { timeout: 30_000 });
  await desk.getByRole("button", { name: "Отправить", exact: true }).click();
  await expect(desk.getByText("Уточните, пожалуйста, платёж от 12 марта.")).toBeVisible();
  await expect(desk.getByRole("link", { name: /akt-sverki-mart/ })).toBeVisible();
  // The form is ready for the next message: one, empty.
  await expect(desk.getByLabel("Ответить")).toHaveValue("");
  await desk.getByRole("button", { name: "Перевести: Ждёт ответа клиента" }).click();
  await expect(desk.getByTestId("status").first()).toHaveText("Ждёт ответа клиента");
  await desk.getByLabel("Добавить заметку").fill("Внутреннее: клиент задерживает табели");
  await desk.getByRole("button", { name: "Добавить заметку" }).click();
  await expect(desk.getByText("Внутреннее: клиент задерживает табели")).toBeVisible();
  await shot(desk, project, "desk-request");

  // The Partner is told: in the bell and the notification centre, and by SMS (a job of the queue).
  await page.goto(requestUrl);
  const number = /З-\d{4}-\d{4,}/.exec(await page.locator("main").innerText())?.[0];
  expect(number).toBeTruthy();
  const told = `Обращение ${number}: статус «Ждёт ответа клиента»`;
  await expect(page.getByTestId("notification-count")).toBeVisible();
  await expect
    .poll(async () => (await smsTexts(page.request, DEMO.restricted)).some((text) => text.startsWith(told)), {
      timeout: 30_000,
    })
    .toBe(true);
  await page.getByTestId("notification-bell").click();
  await expect(page).toHaveURL(/\/notifications$/);
  const notice = page.getByRole("listitem").filter({ hasText: told });
  await expect(notice).toContainText("Новое");
  await expect(
    page.getByRole("listitem").filter({ hasText: `Новое сообщение в обращении ${number} от Асель Нурпеисова` }),
  ).toBeVisible();
  await shot(page, project, "request-notification");
  await notice.getByRole("button", { name: new RegExp(number!) }).click();
  await expect(page).toHaveURL(requestUrl);

  // The Partner sees the answer and the paused clock (never the note), and replies.
  await expect(page.getByText("Уточните, пожалуйста, платёж от 12 марта.")).toBeVisible();
  await expect(page.getByRole("link", { name: /akt-sverki-mart/ })).toBeVisible();
  await expect(page.getByText("Срок остановлен: ждём ответа клиента")).toBeVisible();
  await expect(page.getByText("клиент задерживает табели")).toHaveCount(0);
  await page.getByLabel("Ответить").fill("Платёж от 12 марта — аванс по договору № 7.");
  await page.getByRole("button", { name: "Отправить", exact: true }).click();
  await expect(page.getByText("Платёж от 12 марта — аванс по договору № 7.")).toBeVisible();
  await expect(page.getByLabel("Ответить")).toHaveValue("");
  await expect(page.getByTestId("status").first()).toHaveText("В работе");

  // The accountant resolves it.
  await desk.reload();
  await expect(desk.getByText("Платёж от 12 марта — аванс по договору № 7.")).toBeVisible();
  await desk.getByRole("button", { name: "Перевести: Решено" }).click();
  await expect(desk.getByTestId("status").first()).toHaveText("Решено");
  await desk.close();

  // The Partner downloads the transcript: PDF and JSON; the JSON verifies.
  await page.reload();
  await expect(page.getByTestId("status").first()).toHaveText("Решено");
  await shot(page, project, "request-thread");
  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Стенограмма (PDF)" }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(
    readFileSync((await pdf.path())!)
      .subarray(0, 5)
      .toString("latin1"),
  ).toBe("%PDF-");
  const [json] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Стенограмма (JSON)" }).click(),
  ]);
  const transcript = JSON.parse(readFileSync((await json.path())!, "utf8")) as { messages: { text: string }[] };
  expect(transcript.messages.map((m) => m.text)).toHaveLength(3);
  expect(JSON.stringify(transcript)).not.toContain("задерживает");
  expect(verifyTranscript(transcript)).toMatchObject({ ok: true, messages: 3 });
});
