import { expect, test, type Page } from "@playwright/test";
import { advanceServerClock, codeSentBy, loginThroughScreens, newPhone } from "../fixtures/auth";

/**
 * The operator runs a Partner: moves ТОО «Степь Логистик» from demo to its contract, suspends it
 * with a reason; its primary user is logged out and, logging in again, is told why the cabinet is
 * gone; the operator restores it and the cabinet is back.
 */

const OPERATOR = "+77015550099";
const PRIMARY = "+77015550005"; // Нурлан Ермеков, primary user of ТОО «Степь Логистик»
const BIN = "190540012345";
const REASON = "Неоплата счёта за ноябрь";

async function shot(page: Page, project: string, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${project}-${name}.png`, fullPage: true });
}

test("the operator activates, suspends and restores a Partner; its user sees why @phone", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;

  // The primary user works in the cabinet (past the resend pause of another project's run).
  await advanceServerClock(page.request, 61_000);
  await loginThroughScreens(page, PRIMARY);
  await expect(page).toHaveURL(/\/cabinet$/);
  const partnerLine = page.getByText(/^ТОО «Степь Логистик» · Основной пользователь/);
  await expect(partnerLine).toBeVisible();

  const operator = await browser.newPage({ viewport: page.viewportSize() ?? undefined, locale: "ru-RU" });
  await loginThroughScreens(operator, OPERATOR);
  await expect(operator).toHaveURL(/\/admin$/);
  await operator.getByRole("link", { name: "Партнёры", exact: true }).click();
  await operator.getByLabel("Название или БИН/ИИН").fill(BIN);
  await operator.getByRole("button", { name: "Найти" }).click();
  await operator.getByRole("link", { name: "ТОО «Степь Логистик»" }).click();
  await expect(operator.getByRole("heading", { name: "ТОО «Степь Логистик»", level: 1 })).toBeVisible();

  // The seed leaves it in demo; a second project's run finds it already under contract.
  const status = operator.getByTestId("partner-status");
  if ((await status.textContent()) === "Демо") {
    const activate = operator.getByRole("form", { name: "Перевести на договор" });
    await activate.getByLabel("Номер договора").fill("ДУ-2026/48");
    await activate.getByLabel("Дата договора").fill("2026-11-30");
    await activate.getByRole("button", { name: "Активировать" }).click();
    await expect(status).toHaveText("Активен");
    await expect(operator.getByText("Договор № ДУ-2026/48 от 30.11.2026")).toBeVisible();
  }
  await expect(status).toHaveText("Активен");

  // A missing reason is refused in Russian, nothing changes.
  const suspend = operator.getByRole("form", { name: "Приостановить или заблокировать" });
  await suspend.getByLabel("Причина (её увидят пользователи партнёра)").fill("   ");
  await suspend.getByRole("button", { name: "Применить" }).click();
  await expect(suspend.getByText("Заполните поле.")).toBeVisible();
  await expect(status).toHaveText("Активен");

  await suspend.getByLabel("Новый статус").selectOption("SUSPENDED");
  await suspend.getByLabel("Причина (её увидят пользователи партнёра)").fill(REASON);
  await suspend.getByRole("button", { name: "Применить" }).click();
  await expect(status).toHaveText("Приостановлен");
  const history = operator.getByRole("region", { name: "История статусов" });
  await expect(history.getByText("Активен → Приостановлен").first()).toBeVisible();
  await expect(history.getByText(`Причина: ${REASON}`).first()).toBeVisible();
  await shot(operator, project, "admin-partner-suspended");

  // The primary user's next request finds the session ended; logging in again explains why.
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await advanceServerClock(page.request, 61_000);
  await loginThroughScreens(page, PRIMARY);
  await expect(page).toHaveURL(/\/cabinet$/);
  await expect(
    page.getByText("Доступ к кабинету ТОО «Степь Логистик» приостановлен обслуживающей компанией."),
  ).toBeVisible();
  await expect(page.getByText(`Причина: ${REASON}`)).toBeVisible();
  await expect(page.getByText("У вас пока нет доступа ни к одному кабинету.")).toHaveCount(0);
  await shot(page, project, "cabinet-suspended");

  // The operator restores it: back under contract, and the cabinet opens again.
  await operator.getByRole("button", { name: "Восстановить" }).click();
  await expect(status).toHaveText("Активен");
  await expect(history.getByText("Приостановлен → Активен").first()).toBeVisible();
  await operator.close();

  await page.reload();
  await expect(partnerLine).toContainText("Активен");
  await expect(page.getByText(`Причина: ${REASON}`)).toHaveCount(0);
});

test("the operator lifts a number's sign-in block early, and is told when a number is not blocked", async ({
  page,
  browser,
}) => {
  const phone = newPhone();
  await page.goto("/login");
  await page.getByLabel("Номер телефона").fill(phone);
  const code = await codeSentBy(page.request, phone, () => page.getByRole("button", { name: "Получить код" }).click());
  const wrong = code === "000000" ? "111111" : "000000";
  for (let i = 0; i < 3; i += 1) {
    await page.getByLabel("Код из SMS").fill(wrong);
    await page.getByRole("button", { name: "Войти" }).click();
    if (i < 2) await expect(page.getByText(/Остал/)).toBeVisible();
  }
  await expect(page.getByText(/заблокирован/)).toBeVisible();

  const operator = await browser.newPage({ viewport: page.viewportSize() ?? undefined, locale: "ru-RU" });
  await loginThroughScreens(operator, OPERATOR);
  await expect(operator).toHaveURL(/\/admin$/);
  const form = operator.getByRole("form", { name: "Снять блокировку входа" });
  // Typed the local way, with an 8 and spaces.
  await form.getByLabel("Телефон").fill(`8 ${phone.slice(2, 5)} ${phone.slice(5)}`);
  await form.getByRole("button", { name: "Снять блокировку" }).click();
  await expect(form.getByText("Блокировка снята: с этого номера снова можно войти.")).toBeVisible();
  await form.getByLabel("Телефон").fill(phone);
  await form.getByRole("button", { name: "Снять блокировку" }).click();
  await expect(form.getByText("Вход с этого номера не заблокирован.")).toBeVisible();
  await operator.close();

  await advanceServerClock(page.request, 61_000);
  await loginThroughScreens(page, phone);
  await expect(page).toHaveURL(/\/register$/);
});
