import { expect, test, type Page } from "@playwright/test";
import {
  codeSentBy,
  DEMO,
  loginThroughScreens,
  newPhone,
  openHeaderMenu,
  registerThroughScreens,
} from "../fixtures/auth";

const shot = (page: Page, name: string, project: string) =>
  page.screenshot({ path: `e2e/screenshots/${project}-${name}.png`, fullPage: true });

test("a BIN that already has a cabinet is refused next to the field, pointing to its director", async ({
  page,
}, info) => {
  await loginThroughScreens(page, newPhone());
  await expect(page).toHaveURL(/\/register$/);
  await page.getByLabel("Фамилия и имя").fill("Бауыржан Сериков");
  await page.getByLabel("Электронная почта").fill("b@example.kz");
  await page.getByLabel("Наименование").fill("ТОО «Алатау Трейд»");
  // The demo company's BIN (see README).
  await page.getByLabel("БИН", { exact: true }).fill("180440012349");
  await page.getByLabel("Я принимаю эти документы").check();
  await page.getByLabel("Мне исполнилось 18 лет").check();
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  const field = page.getByLabel("БИН", { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(
    page.getByText("Для этой компании уже есть кабинет. Попросите её руководителя пригласить вас."),
  ).toBeVisible();
  await expect(page.getByLabel("Наименование")).toHaveValue("ТОО «Алатау Трейд»");
  await expect(page).toHaveURL(/\/register$/);
  await shot(page, "register-bin-taken", info.project.name);
});

test("a verified number that has not registered can leave and use another number @phone", async ({ page }, info) => {
  await loginThroughScreens(page, newPhone());
  await expect(page).toHaveURL(/\/register$/);
  // "Войти" in the header no longer loops back to registration.
  await page.getByRole("banner").getByRole("link", { name: "Войти" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Регистрация не завершена" })).toBeVisible();
  await shot(page, "login-pending", info.project.name);
  await page.getByRole("button", { name: "Войти с другим номером" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("Номер телефона")).toBeVisible();
  await page.goto("/register");
  await expect(page).toHaveURL(/\/login$/);

  // From the registration page itself, too.
  await loginThroughScreens(page, newPhone());
  await expect(page).toHaveURL(/\/register$/);
  await page.getByRole("button", { name: "Войти с другим номером" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("Номер телефона")).toBeVisible();
});

test("an invitation: the notice of the sent code goes, the home page lists it, the invitee finds the e-mail filled in", async ({
  page,
  browser,
  baseURL,
}, info) => {
  test.setTimeout(120_000);
  const primaryPhone = await registerThroughScreens(page, {
    name: "Асель Нурланова",
    email: "asel@example.kz",
    partnerName: "ТОО «Приглашение»",
  });
  const inviteePhone = newPhone();
  await page.goto("/cabinet/users");
  await page.getByLabel("Мобильный телефон").fill(inviteePhone);
  await page.getByLabel("ФИО").fill("Мадина Ержанова");
  await page.getByLabel("E-mail (необязательно)").fill("madina@example.kz");
  const code = await codeSentBy(page.request, primaryPhone, () =>
    page.getByRole("button", { name: "Отправить код подтверждения" }).first().click(),
  );
  const notice = page.getByText("Код отправлен на ваш телефон. Он действует 5 минут.");
  await expect(notice).toBeVisible();
  await page.locator("#invite-code").fill(code);
  await page.getByRole("button", { name: "Отправить приглашение" }).click();
  await expect(page.getByText("Приглашение отправлено")).toBeVisible();
  await expect(notice).toHaveCount(0);

  // The cabinet's home shows what waits for an answer and what just happened.
  await page.goto("/cabinet");
  const invitations = page.getByRole("region", { name: /Приглашения ждут ответа/ });
  await expect(invitations).toContainText("Мадина Ержанова");
  await expect(
    page.getByRole("region", { name: "Последние действия в кабинете" }).getByRole("listitem"),
  ).not.toHaveCount(0);
  await expect(page.getByRole("region", { name: "Ваша обслуживающая компания" })).toBeVisible();
  await shot(page, "cabinet-home-primary", info.project.name);

  const invitee = await browser.newPage({ baseURL, locale: "ru-RU", timezoneId: "Asia/Almaty" });
  await loginThroughScreens(invitee, inviteePhone);
  await expect(invitee.getByRole("heading", { name: "Вас пригласили" })).toBeVisible();
  const join = invitee.locator("form").filter({ has: invitee.getByRole("button", { name: "Присоединиться" }) });
  await expect(join.getByLabel("Электронная почта")).toHaveValue("madina@example.kz");
  await expect(join.getByText(/Нажимая «Присоединиться», я принимаю/)).toBeVisible();
  await expect(join.getByText(/Зарегистрироваться/)).toHaveCount(0);
  await invitee.screenshot({ path: `e2e/screenshots/${info.project.name}-join.png`, fullPage: true });
  await invitee.close();
});

test("a restricted user's home: the serving company, no user management, sections to come marked", async ({
  page,
}, info) => {
  await loginThroughScreens(page, DEMO.restricted);
  await expect(page).toHaveURL(/\/cabinet$/);
  const company = page.getByRole("region", { name: "Ваша обслуживающая компания" });
  await expect(company).toContainText("Просто Аутсорсинг");
  await expect(company.getByRole("link", { name: /^\+7/ }).first()).toHaveAttribute("href", /^tel:\+7/);
  await expect(page.getByRole("region", { name: /Приглашения ждут ответа/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: /Последние действия/ })).toHaveCount(0);
  // Requests are built: in the navigation without the "soon" mark.
  await expect(
    page.getByRole("navigation", { name: "Разделы кабинета" }).getByRole("link", { name: /Обращения/ }),
  ).not.toContainText("Скоро");
  await shot(page, "cabinet-home-restricted", info.project.name);
});

test("on a phone the cabinet's content starts within the first screen and the active section shows @phone", async ({
  page,
}, info) => {
  await registerThroughScreens(page, {
    name: "Ержан Телефонов",
    email: "e@example.kz",
    partnerName: "ТОО «Мобильная»",
  });
  await page.goto("/cabinet/profile");
  const main = page.getByRole("main");
  const top = (await main.boundingBox())!.y;
  const viewport = page.viewportSize()!;
  console.log(`[${info.project.name}] cabinet content starts at ${Math.round(top)} px of ${viewport.height}`);
  expect(top).toBeLessThan(info.project.name === "phone" ? 200 : 260);
  const nav = page.getByRole("navigation", { name: "Разделы кабинета" });
  const active = nav.locator("[aria-current=page]");
  await expect(active).toHaveText("Профиль");
  await expect(active).toBeInViewport();
  if (info.project.name === "phone") {
    // The row scrolls sideways rather than wrapping, and logout is in the header menu.
    const list = nav.getByRole("list");
    expect(await list.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await openHeaderMenu(page);
    await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();
  }
  await shot(page, "cabinet-profile-layout", info.project.name);
});
