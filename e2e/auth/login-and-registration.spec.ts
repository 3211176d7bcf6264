import { expect, test } from "@playwright/test";
import { randomKzTaxId } from "../../lib/validation/kz-tax-id";
import { codeSentBy, DEMO, loginThroughScreens, newPhone, openHeaderMenu } from "../fixtures/auth";

const shot = (name: string, project: string) => ({ path: `e2e/screenshots/${project}-${name}.png`, fullPage: true });

test("a demo user logs in, sees the cabinet, switches to Kazakh and logs out @phone", async ({ page }, info) => {
  // Each viewport uses its own demo account: a number may ask for a new code only once a minute.
  const user =
    info.project.name === "phone"
      ? { phone: DEMO.full, name: /Ерлан Жумабаев/ }
      : { phone: DEMO.primary, name: /Айгерим Садыкова/ };
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.screenshot(shot("landing", info.project.name));

  await page.goto("/login");
  await page.getByLabel("Номер телефона").fill(user.phone);
  await page.screenshot(shot("login-phone", info.project.name));
  const code = await codeSentBy(page.request, user.phone, () =>
    page.getByRole("button", { name: "Получить код" }).click(),
  );
  await expect(page.getByLabel("Код из SMS")).toBeVisible();
  await page.screenshot(shot("login-code", info.project.name));
  await page.getByLabel("Код из SMS").fill(code);
  await page.getByRole("button", { name: "Войти" }).click();

  await expect(page).toHaveURL(/\/cabinet$/);
  await expect(page.getByRole("heading", { name: user.name })).toBeVisible();
  await expect(page.getByText(/демо-режиме/).filter({ visible: true })).toBeVisible();
  await page.screenshot(shot("cabinet", info.project.name));

  await openHeaderMenu(page);
  await page.getByRole("button", { name: "KK" }).click();
  await openHeaderMenu(page);
  await expect(page.getByRole("button", { name: "Шығу" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await page.screenshot(shot("cabinet-kk", info.project.name));
  // The choice is kept on the person: it survives a reload.
  await page.reload();
  await openHeaderMenu(page);
  await expect(page.getByRole("button", { name: "Шығу" })).toBeVisible();

  await page.getByRole("button", { name: "Шығу" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/cabinet");
  await expect(page).toHaveURL(/\/login$/);
  // Back to Russian for the other tests of this person.
  await page.getByRole("banner").getByRole("button", { name: "RU" }).click();
});

test("a wrong code shows the attempts left, and the third locks the number until a shown time", async ({ page }) => {
  const phone = newPhone();
  await page.goto("/login");
  await page.getByLabel("Номер телефона").fill(phone);
  const code = await codeSentBy(page.request, phone, () => page.getByRole("button", { name: "Получить код" }).click());
  const wrong = code === "000000" ? "111111" : "000000";
  for (const left of ["Осталось 2 попытки", "Осталась 1 попытка"]) {
    await page.getByLabel("Код из SMS").fill(wrong);
    await page.getByRole("button", { name: "Войти" }).click();
    await expect(page.getByText(left)).toBeVisible();
  }
  await page.getByLabel("Код из SMS").fill(wrong);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(
    page.getByText(/заблокирован.*после \d{1,2} \S+ в? ?\d{2}:\d{2}|заблокирован.*\d{2}:\d{2}/),
  ).toBeVisible();
  // No code can be sent while locked, so no resend countdown runs.
  await expect(page.getByRole("button", { name: "Отправить код ещё раз" })).toBeDisabled();
  await expect(page.getByText(/повторно можно через/)).toHaveCount(0);
  // Even the right code is refused now.
  await page.getByLabel("Код из SMS").fill(code);
  await expect(page.getByRole("button", { name: "Войти" })).toBeDisabled();
});

test("a new number registers a Partner; a bad BIN is refused next to the field and nothing typed is lost @phone", async ({
  page,
}, info) => {
  const phone = newPhone();
  await loginThroughScreens(page, phone);
  await expect(page).toHaveURL(/\/register$/);
  await page.getByLabel("Фамилия и имя").fill("Бауыржан Сериков");
  await page.getByLabel("Электронная почта").fill("baur@example.kz");
  await page.getByLabel("Наименование").fill("ТОО «Жибек Жолы»");
  await page.getByLabel("БИН", { exact: true }).fill("180440012340");
  await page.getByLabel("Я принимаю эти документы").check();
  await page.getByLabel("Мне исполнилось 18 лет").check();
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();

  await expect(page.getByText("Неверный номер: нужно 12 цифр с правильной контрольной цифрой.")).toBeVisible();
  await expect(page.getByLabel("Наименование")).toHaveValue("ТОО «Жибек Жолы»");
  await expect(page.getByLabel("Фамилия и имя")).toHaveValue("Бауыржан Сериков");
  await page.screenshot(shot("register-error", info.project.name));

  await page.getByLabel("БИН", { exact: true }).fill(randomKzTaxId());
  await page.getByLabel("Я принимаю эти документы").check();
  await page.getByLabel("Мне исполнилось 18 лет").check();
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page).toHaveURL(/\/cabinet$/);
  await expect(page.getByRole("heading", { name: /Бауыржан Сериков/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "ТОО «Жибек Жолы»" })).toBeVisible();
  await page.screenshot(shot("cabinet-new", info.project.name));

  await page.goto("/cabinet/profile");
  await expect(page.getByRole("heading", { name: "Активные сеансы" })).toBeVisible();
  await page.screenshot(shot("profile", info.project.name));
});
