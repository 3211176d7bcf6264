import { expect, test } from "@playwright/test";
import { newPhone, registerThroughScreens } from "../fixtures/auth";
import { breakTable } from "../fixtures/database";

test("a form submitted while the database fails keeps what was typed and shows the request id @phone", async ({
  page,
}, info) => {
  await registerThroughScreens(page, { name: "Зарина Омарова", email: "zarina@example.kz", partnerName: "ТОО «Сбой»" });
  await page.goto("/cabinet/profile");
  await page.getByLabel("Фамилия и имя").fill("Зарина Омарова-Сейтова");
  await page.getByLabel("Электронная почта").fill("zarina.new@example.kz");

  const restore = await breakTable("session");
  try {
    await page.getByRole("button", { name: "Сохранить" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Сервис временно недоступен" });
    await expect(alert).toContainText(/Код запроса: [0-9a-f-]{36}/);
    await expect(page.getByLabel("Фамилия и имя")).toHaveValue("Зарина Омарова-Сейтова");
    await expect(page.getByLabel("Электронная почта")).toHaveValue("zarina.new@example.kz");
    await expect(page.getByText("This page couldn't load")).toHaveCount(0);
    await page.screenshot({ path: `e2e/screenshots/${info.project.name}-form-failure.png`, fullPage: true });
  } finally {
    await restore();
  }

  // The database is back: the same values save, nothing retyped.
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByText("Сохранено")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Фамилия и имя")).toHaveValue("Зарина Омарова-Сейтова");
});

test("a login code request that fails on the server keeps the number and shows the request id @phone", async ({
  page,
}) => {
  await page.goto("/login");
  const phone = newPhone();
  await page.getByLabel("Номер телефона").fill(phone);
  const restore = await breakTable("phone_guard");
  try {
    await page.getByRole("button", { name: "Получить код" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Произошла ошибка" })).toContainText(
      /Код запроса: [0-9a-f-]{36}/,
    );
    await expect(page.getByLabel("Номер телефона")).toHaveValue(phone);
  } finally {
    await restore();
  }
});

test("a cabinet page that cannot load says so in the user's language, with a retry and a way back @phone", async ({
  page,
  baseURL,
}, info) => {
  await registerThroughScreens(page, { name: "Тимур Ошибкин", email: "t@example.kz", partnerName: "ТОО «Недоступно»" });
  await page.context().addCookies([{ name: "locale", value: "en", url: baseURL! }]);
  const restore = await breakTable("session");
  try {
    await page.goto("/cabinet/profile");
    // The person's language cannot be read from the database now: the cookie's is used.
    await expect(page.getByRole("heading", { level: 1, name: "Something went wrong" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to home page" })).toBeVisible();
    await expect(page.getByText("This page couldn't load")).toHaveCount(0);
    await page.screenshot({ path: `e2e/screenshots/${info.project.name}-error-page.png`, fullPage: true });
  } finally {
    await restore();
  }
  // Back up: the retry loads the page, in the person's own language again.
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Профиль" })).toBeVisible();
});
